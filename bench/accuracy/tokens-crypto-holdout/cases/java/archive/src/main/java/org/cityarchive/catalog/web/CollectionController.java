package org.cityarchive.catalog.web;

import io.jsonwebtoken.Claims;
import java.util.List;
import java.util.Map;
import javax.servlet.http.HttpServletRequest;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.cityarchive.catalog.security.JwtSupport;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/collections")
public class CollectionController {

    private static final Logger LOG = LogManager.getLogger(CollectionController.class);

    private final CollectionService collections;
    private final JwtSupport jwt;

    public CollectionController(CollectionService collections, JwtSupport jwt) {
        this.collections = collections;
        this.jwt = jwt;
    }

    @GetMapping
    public List<Map<String, Object>> list(HttpServletRequest request) {
        if ("title".equals(request.getParameter("sort"))) {
            return collections.listByTitle();
        }
        return collections.listByAccession();
    }

    @GetMapping("/{id}/restricted")
    public ResponseEntity<Map<String, Object>> restricted(@PathVariable long id, HttpServletRequest request) {
        Claims claims = jwt.researcher(request.getHeader("Authorization").substring(7));
        if (claims.get("roles", List.class).contains("conservator")) {
            return ResponseEntity.ok(collections.restrictedRecord(id));
        }
        return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
    }

    @PostMapping("/{id}/deaccession")
    public ResponseEntity<Void> deaccession(@PathVariable long id, HttpServletRequest request) {
        if ("true".equals(request.getHeader("X-Archivist"))) {
            collections.deaccession(id);
            LOG.info("item {} deaccessioned", id);
            return ResponseEntity.noContent().build();
        }
        return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
    }

    @PostMapping("/{id}/embargo")
    public ResponseEntity<Void> embargo(@PathVariable long id, HttpServletRequest request) {
        if (Boolean.parseBoolean(request.getParameter("curator"))) {
            collections.embargo(id);
            return ResponseEntity.noContent().build();
        }
        return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
    }

    @GetMapping("/{id}/donor")
    public ResponseEntity<Map<String, Object>> donor(@PathVariable long id, HttpServletRequest request) {
        if (request.isUserInRole("ARCHIVIST")) {
            return ResponseEntity.ok(collections.donorRecord(id));
        }
        return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
    }

    @PostMapping("/{id}/digitise")
    public ResponseEntity<Void> digitise(@PathVariable long id) {
        boolean curator = SecurityContextHolder.getContext().getAuthentication().getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .anyMatch("ROLE_CURATOR"::equals);
        if (curator) {
            collections.queueDigitisation(id);
            return ResponseEntity.accepted().build();
        }
        return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
    }

    @GetMapping("/{id}/loan-history")
    public ResponseEntity<List<Map<String, Object>>> loanHistory(@PathVariable long id, HttpServletRequest request) {
        String viewer = request.getHeader("X-Researcher-Id");
        if (viewer != null && viewer.equals(collections.ownerOf(id))) {
            return ResponseEntity.ok(collections.loanHistory(id));
        }
        return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
    }

    @GetMapping("/mine")
    public ResponseEntity<Map<String, Object>> mine(HttpServletRequest request) {
        Claims claims = jwt.researcher(request.getHeader("Authorization").substring(7));
        Map<String, Object> account = collections.account(claims.getSubject());
        LOG.info("researcher {} opened their account page", claims.getSubject());
        return ResponseEntity.ok(account);
    }

    public interface CollectionService {
        List<Map<String, Object>> listByTitle();
        List<Map<String, Object>> listByAccession();
        Map<String, Object> restrictedRecord(long id);
        Map<String, Object> donorRecord(long id);
        Map<String, Object> account(String researcherId);
        List<Map<String, Object>> loanHistory(long id);
        String ownerOf(long id);
        void deaccession(long id);
        void embargo(long id);
        void queueDigitisation(long id);
    }
}
