package org.quillwiki.data;

import jakarta.servlet.ServletContext;
import javax.sql.DataSource;

public final class Db {

    public static final String DATASOURCE_ATTR = "qw.dataSource";

    private Db() {
    }

    public static DataSource dataSource(ServletContext context) {
        DataSource ds = (DataSource) context.getAttribute(DATASOURCE_ATTR);
        if (ds == null) {
            throw new IllegalStateException("DatabaseBootstrap has not run");
        }
        return ds;
    }
}
