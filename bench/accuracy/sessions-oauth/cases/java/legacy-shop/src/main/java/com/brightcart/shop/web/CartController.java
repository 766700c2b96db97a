package com.brightcart.shop.web;

import com.brightcart.shop.customer.Cart;
import com.brightcart.shop.customer.CatalogService;
import java.util.Currency;
import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
@RequestMapping("/cart")
public class CartController {

    static final String CART = "cart";
    static final String CURRENCY = "currency";

    private final CatalogService catalog;

    public CartController(CatalogService catalog) {
        this.catalog = catalog;
    }

    @GetMapping
    public String view(HttpSession session, Model model) {
        model.addAttribute("cart", cartOf(session));
        return "cart/view";
    }

    @PostMapping("/items")
    public String add(@RequestParam String sku, @RequestParam(defaultValue = "1") int qty, HttpSession session) {
        Cart cart = cartOf(session);
        cart.add(catalog.requireProduct(sku), qty);
        session.setAttribute(CART, cart);
        return "redirect:/cart#items";
    }

    @PostMapping("/currency")
    public String currency(@RequestParam String code, HttpSession session, HttpServletResponse response) {
        Currency currency = Currency.getInstance(code);
        session.setAttribute(CURRENCY, currency);
        Cookie pref = new Cookie("currency", currency.getCurrencyCode());
        pref.setPath("/");
        pref.setMaxAge(60 * 60 * 24 * 365);
        response.addCookie(pref);
        return "redirect:/cart";
    }

    private static Cart cartOf(HttpSession session) {
        Cart cart = (Cart) session.getAttribute(CART);
        return cart != null ? cart : new Cart();
    }
}
