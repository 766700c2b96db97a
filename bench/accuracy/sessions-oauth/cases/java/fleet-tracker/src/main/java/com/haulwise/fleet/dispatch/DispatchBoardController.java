package com.haulwise.fleet.dispatch;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.view.RedirectView;
import org.springframework.web.util.UriComponentsBuilder;

@Controller
@RequestMapping("/dispatch")
public class DispatchBoardController {

    private static final Set<String> LAYERS = Set.of("traffic", "satellite", "terrain");

    private final RouteService routes;
    private final DriverViewTokens driverViews;

    public DispatchBoardController(RouteService routes, DriverViewTokens driverViews) {
        this.routes = routes;
        this.driverViews = driverViews;
    }

    @GetMapping("/board")
    public String board(Model model) {
        model.addAttribute("routes", routes.activeRoutes());
        return "dispatch/board";
    }

    @PostMapping("/routes/{id}/assign")
    public RedirectView assign(@PathVariable long id, @RequestParam String driver) {
        routes.assign(id, driver);
        String target = UriComponentsBuilder.fromPath("/dispatch/routes/{id}").buildAndExpand(id).toUriString();
        return new RedirectView(target);
    }

    @PostMapping("/routes/{id}/close")
    public RedirectView close(@PathVariable long id, @RequestParam(defaultValue = "/dispatch/board") String returnTo) {
        routes.close(id);
        return new RedirectView(returnTo, true);
    }

    /** Lets a dispatcher open the driver app's view of a route, for phone support. */
    @PostMapping("/drivers/{employeeNo}/view-as")
    public String viewAs(@PathVariable String employeeNo, HttpServletResponse response) {
        String token = driverViews.tokenFor(employeeNo);
        ResponseCookie view = ResponseCookie.from("driver_view_token", token).path("/dispatch/driver-view").build();
        response.addHeader(HttpHeaders.SET_COOKIE, view.toString());
        return "redirect:/dispatch/driver-view";
    }

    @PostMapping("/layer")
    public String layer(@RequestParam String layer, HttpServletRequest request, HttpServletResponse response) {
        if (LAYERS.contains(layer)) {
            response.addHeader(HttpHeaders.SET_COOKIE, DispatchCookies.mapLayer(layer).toString());
        }
        return "redirect:" + request.getHeader(HttpHeaders.REFERER);
    }
}
