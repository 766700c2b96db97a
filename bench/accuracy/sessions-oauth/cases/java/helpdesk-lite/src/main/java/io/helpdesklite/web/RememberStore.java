package io.helpdesklite.web;

import javax.servlet.ServletContext;

interface RememberStore {

    void save(Object customer, String rawToken);

    static RememberStore from(ServletContext context) {
        return (RememberStore) context.getAttribute(RememberStore.class.getName());
    }
}
