package com.greenhouse.web;

import com.greenhouse.domain.Cart;
import com.greenhouse.domain.CheckoutService;
import com.greenhouse.domain.PlantOrder;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.view.RedirectView;

@Controller
@RequestMapping("/cart")
public class CartController {

    private final CheckoutService checkout;

    public CartController(CheckoutService checkout) {
        this.checkout = checkout;
    }

    private static Cart currentCart(HttpSession session) {
        Cart cart = (Cart) session.getAttribute("cart");
        return cart != null ? cart : new Cart();
    }

    @PostMapping("/items")
    public void addItem(@RequestParam long plantId, @RequestParam int quantity,
                        @RequestParam String returnUrl,
                        HttpSession session, HttpServletResponse response) throws IOException {
        Cart cart = currentCart(session);
        cart.add(plantId, Math.max(1, quantity));
        session.setAttribute("cart", cart);
        response.sendRedirect(returnUrl);
    }

    @PostMapping("/items/remove")
    public String removeItem(@RequestParam long plantId, HttpSession session) {
        Cart cart = currentCart(session);
        cart.remove(plantId);
        return "cart/summary";
    }

    @PostMapping("/checkout")
    public RedirectView checkout(HttpSession session) {
        Cart cart = currentCart(session);
        if (cart.isEmpty()) {
            return new RedirectView("/cart");
        }
        PlantOrder order = checkout.placeOrder(cart);
        session.removeAttribute("cart");
        return new RedirectView("/orders/" + order.getId());
    }
}
