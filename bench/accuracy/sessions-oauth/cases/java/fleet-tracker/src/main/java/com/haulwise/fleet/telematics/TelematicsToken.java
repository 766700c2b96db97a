package com.haulwise.fleet.telematics;

import com.fasterxml.jackson.annotation.JsonProperty;

public record TelematicsToken(@JsonProperty("access_token") String accessToken,
                              @JsonProperty("refresh_token") String refreshToken,
                              @JsonProperty("expires_in") long expiresIn) {
}
