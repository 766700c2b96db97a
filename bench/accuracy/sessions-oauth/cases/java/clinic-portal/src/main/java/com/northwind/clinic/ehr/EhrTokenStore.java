package com.northwind.clinic.ehr;

import com.nimbusds.oauth2.sdk.token.Tokens;

public interface EhrTokenStore {

    void save(String username, Tokens tokens);
}
