package com.stagepass.events.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.session.jdbc.config.annotation.web.http.EnableJdbcHttpSession;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/** Sessions live in Postgres (Spring Session JDBC) so every node sees them. */
@Configuration
@EnableJdbcHttpSession(maxInactiveIntervalInSeconds = 3600)
public class SessionCookieConfig {

    @Bean
    @Profile("!partner-embed")
    CookieSerializer cookieSerializer() {
        DefaultCookieSerializer serializer = new DefaultCookieSerializer();
        serializer.setCookieName("EHSESSION");
        serializer.setUseHttpOnlyCookie(true);
        serializer.setUseSecureCookie(true);
        serializer.setSameSite("Lax");
        return serializer;
    }

    /** Deployment that runs inside promoters' sites as an iframe. */
    @Bean
    @Profile("partner-embed")
    CookieSerializer embeddedCookieSerializer() {
        DefaultCookieSerializer serializer = new DefaultCookieSerializer();
        serializer.setCookieName("EHSESSION");
        serializer.setUseSecureCookie(true);
        serializer.setSameSite("None");
        return serializer;
    }
}
