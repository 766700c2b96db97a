package com.example.portal.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Properties;

/**
 * Settings from portal.properties on the classpath; secrets come from the environment.
 */
public final class PortalConfig {

    private static final PortalConfig INSTANCE = load();

    private final Properties props;

    private PortalConfig(Properties props) {
        this.props = props;
    }

    public static PortalConfig get() {
        return INSTANCE;
    }

    private static PortalConfig load() {
        Properties p = new Properties();
        try (InputStream in = PortalConfig.class.getResourceAsStream("/portal.properties")) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new PortalConfig(p);
    }

    public String issuer() {
        return props.getProperty("sso.issuer");
    }

    public String audience() {
        return props.getProperty("sso.audience");
    }

    public String partnerIssuer() {
        return props.getProperty("sso.partner-issuer");
    }

    public String intranetIssuer() {
        return props.getProperty("intranet.issuer");
    }

    public int pbkdf2Iterations() {
        return Integer.parseInt(props.getProperty("password.pbkdf2.iterations", "650000"));
    }

    public String assetVersion() {
        return props.getProperty("asset.version", "0.0.0");
    }

    public String accessTokenSecret() {
        return System.getenv("PORTAL_ACCESS_TOKEN_SECRET");
    }

    public String rememberMeSecret() {
        return System.getenv("PORTAL_REMEMBER_ME_SECRET");
    }

    public byte[] intranetKey() {
        return Base64.getDecoder().decode(System.getenv("PORTAL_INTRANET_KEY"));
    }

    public byte[] cookieKey() {
        return Base64.getDecoder().decode(System.getenv("PORTAL_COOKIE_KEY"));
    }

    public String metricsPassword() {
        return System.getenv("PORTAL_METRICS_PASSWORD");
    }
}
