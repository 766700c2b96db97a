package com.stagepass.events.web;

import com.stagepass.events.tickets.TicketService;
import java.net.URI;
import java.security.Principal;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.view.RedirectView;
import org.springframework.web.util.UriComponentsBuilder;

@Controller
public class TicketController {

    /** Partner sites allowed to receive buyers back after checkout. */
    private static final Set<String> PARTNER_ORIGINS = Set.of("www.citytheatre.example", "tickets.jazzfest.example");

    private final TicketService tickets;

    public TicketController(TicketService tickets) {
        this.tickets = tickets;
    }

    @GetMapping("/events/{slug}/buy")
    public RedirectView buy(@PathVariable String slug) {
        return new RedirectView("/events/" + slug + "/seats");
    }

    @PostMapping("/account/tickets/{id}/transfer")
    public String transfer(@PathVariable long id, @RequestParam String toEmail,
                           @RequestParam(name = "continue", required = false) String continueUrl,
                           Principal principal) {
        long transferId = tickets.transfer(principal.getName(), id, toEmail);
        if (continueUrl == null) {
            return "redirect:/account/tickets";
        }
        return "redirect:" + UriComponentsBuilder.fromUriString(continueUrl).queryParam("transfer", transferId).toUriString();
    }

    @PostMapping("/account/tickets/{id}/resell")
    public ResponseEntity<Void> resell(@PathVariable long id, @RequestParam String next, Principal principal) {
        tickets.listForResale(principal.getName(), id);
        return ResponseEntity.status(HttpStatus.SEE_OTHER).header(HttpHeaders.LOCATION, next).build();
    }

    @GetMapping("/checkout/done")
    public ResponseEntity<Void> done(@RequestParam long order, @RequestParam(required = false) String partner) {
        URI back = partner == null ? null : URI.create(partner);
        if (back != null && "https".equals(back.getScheme()) && back.getHost() != null
                && PARTNER_ORIGINS.contains(back.getHost())) {
            return ResponseEntity.status(HttpStatus.FOUND).location(back).build();
        }
        return ResponseEntity.status(HttpStatus.FOUND).location(URI.create("/account/orders/" + order)).build();
    }
}
