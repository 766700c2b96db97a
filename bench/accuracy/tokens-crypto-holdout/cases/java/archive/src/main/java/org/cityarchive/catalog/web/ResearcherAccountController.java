package org.cityarchive.catalog.web;

import java.util.Map;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.cityarchive.catalog.config.ArchiveSettings;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class ResearcherAccountController {

    private static final Logger LOG = LogManager.getLogger(ResearcherAccountController.class);

    private final ResearcherStore store;
    private final PasswordEncoder encoder;
    private final ArchiveSettings settings;

    public ResearcherAccountController(ResearcherStore store, @Qualifier("researcherEncoder") PasswordEncoder encoder, ArchiveSettings settings) {
        this.store = store;
        this.encoder = encoder;
        this.settings = settings;
    }

    @PostMapping("/researchers")
    public ResponseEntity<Map<String, Object>> register(@RequestBody Map<String, String> form) {
        String email = form.get("email");
        String password = form.get("password");
        if (password == null || password.length() < 10) {
            throw new IllegalArgumentException("password too short");
        }
        long id = store.create(email, encoder.encode(password));
        LOG.info("researcher {} registered with email {}", id, email);
        return ResponseEntity.status(201).body(Map.of("id", id));
    }

    @GetMapping("/researchers/{id}")
    public ResponseEntity<Map<String, Object>> get(@PathVariable long id) {
        ResearcherStore.Researcher r = store.find(id);
        return ResponseEntity.ok(Map.of("id", r.id(), "email", r.email(), "password", r.passwordHash()));
    }

    @PostMapping("/researchers/{id}/verify-password")
    public ResponseEntity<Void> verify(@PathVariable long id, @RequestBody Map<String, String> form) {
        ResearcherStore.Researcher r = store.find(id);
        if (!encoder.matches(form.get("password"), r.passwordHash())) {
            throw new IllegalStateException("password check failed for " + r.email() + ", stored hash " + r.passwordHash());
        }
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/admin/digitisation-config")
    public ResponseEntity<Map<String, Object>> digitisationConfig() {
        String key = settings.getDigitisationApiKey();
        LOG.debug("digitisation key configured: {} ({} chars)", key != null, key == null ? 0 : key.length());
        return ResponseEntity.ok(Map.of("vendor", "scanright", "keyConfigured", key != null));
    }

    @PostMapping("/admin/jwt-secret/check")
    public ResponseEntity<Void> checkJwtSecret() {
        if (settings.getJwtSecret().length() < 32) {
            LOG.warn("archive.jwt-secret is too short: " + settings.getJwtSecret());
        }
        return ResponseEntity.noContent().build();
    }

    public interface ResearcherStore {
        long create(String email, String passwordHash);

        Researcher find(long id);

        record Researcher(long id, String email, String passwordHash) {
        }
    }
}
