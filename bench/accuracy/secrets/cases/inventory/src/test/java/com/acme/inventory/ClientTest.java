package com.acme.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ClientTest {

    private static final String TOKEN = "eyJhbGciOiJIUzUxMiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ1c3JfSU5wZW5YWHplekx1IiwiaXNzIjoiaHR0cHM6Ly9hdXRoLmFjbWUuZXhhbXBsZSIsImF1ZCI6ImFjbWUtYXBpIiwiaWF0IjoxNzE2NzgwNDIxLCJleHAiOjE3MTY4NjY4MjEsInNjb3BlIjoib3JkZXJzOnJlYWQifQ.9adbGEa49aEVXMjoh8zsa3Bs91XAp9DsBzMdgRS7aesB4OJzsDDHYKxoDpejbOBsNaDyL78bmq5Pj0uupK5Ljg";
    private static final String TWILIO_API_KEY = "SKb6de03f075a00db19e1d1c1814801fdc";
    private static final String TWILIO_API_SECRET = "NkfqW3q0pbMoITNlGhJPiN2yfo5z1651";
    private static final String MESSAGING_SERVICE_SID = "MG7f424d5b4e2adf811d5c241d849334da";
    private static final String TOKEN_TYPE = "Bearer";

    @Test
    void sendsAuthHeader() {
        Client client = new Client("https://inventory.internal", TOKEN);
        assertEquals(TOKEN_TYPE + " " + TOKEN, client.authHeader());
    }
}
