package io.tallyhq.ledger.console;

import jakarta.servlet.http.HttpSession;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.view.RedirectView;

/** Navigation helpers used by links in the operator console and in support e-mails. */
@Controller
@RequestMapping("/console")
public class ConsoleNavigationController {

    private static final Map<String, String> HELP_PAGES = Map.of(
            "reconcile", "https://help.tallyhq.io/operators/reconciliation",
            "exports", "https://help.tallyhq.io/operators/exports",
            "kyc", "https://help.tallyhq.io/operators/kyc-review");

    private static final Set<String> PARTNER_HOSTS = Set.of("status.tallyhq.io", "billing.tallyhq.io");

    @PostMapping("/ledgers/{ledgerId}/select")
    public String selectLedger(@PathVariable long ledgerId, HttpSession session) {
        session.setAttribute("console.activeLedger", ledgerId);
        return "redirect:/console/ledgers/" + ledgerId;
    }

    @GetMapping("/go")
    public ResponseEntity<Void> go(@RequestParam String next) {
        return ResponseEntity.status(HttpStatus.FOUND).location(URI.create(next)).build();
    }

    @GetMapping("/external")
    public RedirectView external(@RequestParam("target") String target) {
        if (!target.contains("tallyhq.io")) {
            return new RedirectView("/console");
        }
        return new RedirectView(target);
    }

    @GetMapping("/help/{topic}")
    public RedirectView help(@PathVariable String topic) {
        String destination = HELP_PAGES.getOrDefault(topic, "https://help.tallyhq.io/operators");
        return new RedirectView(destination);
    }

    @GetMapping("/partner")
    public RedirectView partner(@RequestParam String url) throws URISyntaxException {
        URI uri = new URI(url);
        boolean allowed = "https".equals(uri.getScheme()) && uri.getHost() != null
                && PARTNER_HOSTS.contains(uri.getHost().toLowerCase()) && uri.getUserInfo() == null;
        return allowed ? new RedirectView(uri.toString()) : new RedirectView("/console");
    }
}
