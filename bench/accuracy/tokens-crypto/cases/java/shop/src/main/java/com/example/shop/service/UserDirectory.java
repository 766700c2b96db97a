package com.example.shop.service;

import java.util.List;
import java.util.Optional;

/**
 * Read side of the user tables, backed by JPA in {@code JpaUserDirectory}.
 */
public interface UserDirectory {

    /** All back-office and customer users, unsorted. */
    List<UserSummary> findAll();

    /** Looks a user up by login name; empty when the user was deleted. */
    Optional<UserSummary> findByUsername(String username);

    /** Full row, including the stored password hash. */
    UserRecord load(String username);

    /** Number of users created since the given epoch day. */
    long countCreatedSince(long epochDay);

    /** Listing row used by the admin UI. */
    record UserSummary(long id, String name, String role, boolean merchandiser) {
    }

    /** Complete account row. */
    record UserRecord(long id, String email, String displayName, String passwordHash) {
    }
}
