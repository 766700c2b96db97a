package io.helpdesklite.util;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.servlet.ServletContextEvent;
import javax.servlet.ServletContextListener;
import org.flywaydb.core.Flyway;

public class AppBootstrap implements ServletContextListener {

    public static final String DATA_SOURCE = "hd.dataSource";

    private HikariDataSource dataSource;

    @Override
    public void contextInitialized(ServletContextEvent sce) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(System.getenv("HD_DB_URL"));
        config.setUsername(System.getenv("HD_DB_USER"));
        config.setPassword(System.getenv("HD_DB_PASSWORD"));
        dataSource = new HikariDataSource(config);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        sce.getServletContext().setAttribute(DATA_SOURCE, dataSource);
    }

    @Override
    public void contextDestroyed(ServletContextEvent sce) {
        if (dataSource != null) {
            dataSource.close();
        }
    }
}
