package com.brightcart.shop.web;

import com.brightcart.shop.customer.Order;
import com.brightcart.shop.customer.OrderService;
import java.io.IOException;
import java.security.Principal;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.view.RedirectView;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

@Controller
@RequestMapping("/checkout")
public class CheckoutController {

    private final OrderService orders;

    public CheckoutController(OrderService orders) {
        this.orders = orders;
    }

    @PostMapping("/place")
    public void place(Principal principal, HttpServletResponse response) throws IOException {
        Order order = orders.placeFromCart(principal.getName());
        response.sendRedirect("/orders/" + order.getId() + "/thanks");
    }

    /** The payment page sends the shopper back here with where they came from. */
    @GetMapping("/payment-return")
    public void paymentReturn(@RequestParam String orderRef,
                              @RequestParam String returnUrl,
                              HttpServletResponse response) throws IOException {
        orders.confirmPayment(orderRef);
        response.sendRedirect(returnUrl);
    }

    @GetMapping("/continue-shopping")
    public RedirectView continueShopping(HttpServletRequest request) {
        return new RedirectView(request.getParameter("continue"));
    }

    @PostMapping("/gift-wrap")
    public String giftWrap(@RequestParam long orderId,
                           @RequestParam(defaultValue = "/cart") String next) {
        orders.addGiftWrap(orderId);
        UriComponents target = UriComponentsBuilder.fromUriString(next).build();
        boolean local = target.getScheme() == null && target.getHost() == null
                && next.startsWith("/") && !next.startsWith("//") && !next.contains("\\");
        return local ? "redirect:" + next : "redirect:/cart";
    }

    @GetMapping("/back")
    public void back(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String referer = request.getHeader("Referer");
        response.sendRedirect(referer != null ? referer : "/cart");
    }
}
