package com.northwind.clinic.domain;

import org.springframework.data.jpa.repository.JpaRepository;

public interface StaffPreferencesRepository extends JpaRepository<StaffPreferences, String> {
}
