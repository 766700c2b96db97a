package com.northwind.clinic.lab;

public interface LabCredentialStore {

    void store(String username, LabResultsLinkController.LabTokenResponse token);
}
