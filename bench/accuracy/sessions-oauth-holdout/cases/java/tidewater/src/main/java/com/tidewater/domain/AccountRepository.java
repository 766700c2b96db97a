package com.tidewater.domain;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface AccountRepository extends JpaRepository<Account, Long> {

    Optional<Account> findByEmailIgnoreCase(String email);

    @Modifying
    @Query("update Account a set a.passwordHash = :hash where a.id = :id")
    int updatePasswordHash(@Param("id") Long id, @Param("hash") String hash);
}
