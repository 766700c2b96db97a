package com.example.shop.security;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import java.util.List;
import javax.crypto.SecretKey;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Preview links let merchandisers look at unpublished products. The CMS puts a
 * short JWT in the link.
 */
@Service
public class PreviewLinkService {

    private static final String CMS_ISSUER = "cms.shop.example.com";

    private final ProductRepositoryView products;
    private final SecretKey cmsKey;

    public PreviewLinkService(ProductRepositoryView products, @Value("${shop.cms.preview-key}") String cmsKeyB64) {
        this.products = products;
        this.cmsKey = Keys.hmacShaKeyFor(java.util.Base64.getDecoder().decode(cmsKeyB64));
    }

    private JwtParser previewParser() {
        return Jwts.parser().unsecured().requireIssuer(CMS_ISSUER).build();
    }

    public List<String> previewableSkus(String previewToken) {
        Claims preview = previewParser().parseUnsecuredClaims(previewToken).getPayload();
        if (Boolean.TRUE.equals(preview.get("staff", Boolean.class))) {
            return products.allSkusIncludingDrafts();
        }
        return products.publishedSkus();
    }

    /** Newer CMS versions sign their links. */
    public List<String> signedPreviewSkus(String previewToken) {
        Claims signedPreview = Jwts.parser()
                .verifyWith(cmsKey)
                .requireIssuer(CMS_ISSUER)
                .build()
                .parseSignedClaims(previewToken)
                .getPayload();
        if (Boolean.TRUE.equals(signedPreview.get("staff", Boolean.class))) {
            return products.allSkusIncludingDrafts();
        }
        return products.publishedSkus();
    }

    public interface ProductRepositoryView {
        List<String> publishedSkus();

        List<String> allSkusIncludingDrafts();
    }
}
