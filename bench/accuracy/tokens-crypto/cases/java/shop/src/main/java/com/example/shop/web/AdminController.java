package com.example.shop.web;

import com.example.shop.service.CatalogAdminService;
import com.example.shop.service.UserDirectory;
import com.example.shop.service.UserDirectory.UserSummary;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
public class AdminController {

    private final UserDirectory users;
    private final CatalogAdminService catalog;

    public AdminController(UserDirectory users, CatalogAdminService catalog) {
        this.users = users;
        this.catalog = catalog;
    }

    @GetMapping("/admin/users")
    @PreAuthorize("hasRole('ADMIN')")
    public List<UserSummary> listUsers(@RequestParam(required = false) String role,
                                       @RequestParam(defaultValue = "name") String sort) {
        Comparator<UserSummary> order = "role".equals(sort)
                ? Comparator.comparing(UserSummary::role)
                : Comparator.comparing(UserSummary::name);
        return users.findAll().stream()
                .filter(u -> role == null || u.role().equalsIgnoreCase(role))
                .sorted(order)
                .toList();
    }

    @PostMapping("/products/{sku}/price")
    public ResponseEntity<Void> overridePrice(@PathVariable String sku, @RequestBody BigDecimal price,
                                              @RequestHeader(value = "X-Admin", defaultValue = "false") boolean adminHeader) {
        if (adminHeader) {
            catalog.overridePrice(sku, price);
            return ResponseEntity.noContent().build();
        }
        return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
    }

    @PostMapping("/orders/{orderId}/refund")
    public ResponseEntity<Void> refund(@PathVariable long orderId, @RequestBody RefundRequest body) {
        if (body.approverRole().equalsIgnoreCase("manager")) {
            catalog.refund(orderId, body.amount());
            return ResponseEntity.accepted().build();
        }
        return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
    }

    @DeleteMapping("/reviews/{reviewId}")
    public ResponseEntity<Void> deleteReview(@PathVariable long reviewId,
                                             @CookieValue(name = "shop_role", required = false) String roleCookie) {
        if ("moderator".equals(roleCookie)) {
            catalog.deleteReview(reviewId);
            return ResponseEntity.noContent().build();
        }
        return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
    }

    @PostMapping("/orders/{orderId}/cancel")
    public ResponseEntity<Void> cancel(@PathVariable long orderId, Authentication auth) {
        boolean staff = auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_ADMIN"));
        if (staff || catalog.orderBelongsTo(orderId, auth.getName())) {
            catalog.cancel(orderId);
            return ResponseEntity.noContent().build();
        }
        return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
    }

    @PostMapping("/products/{sku}/feature")
    public ResponseEntity<Void> feature(@PathVariable String sku, Authentication auth) {
        if (users.findByUsername(auth.getName()).map(UserSummary::merchandiser).orElse(false)) {
            catalog.feature(sku);
            return ResponseEntity.noContent().build();
        }
        return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
    }

    public record RefundRequest(BigDecimal amount, String reason, String approverRole) {
    }
}
