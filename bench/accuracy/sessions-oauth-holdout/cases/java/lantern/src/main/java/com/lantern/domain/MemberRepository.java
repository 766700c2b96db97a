package com.lantern.domain;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface MemberRepository extends JpaRepository<Member, Long> {

    Optional<Member> findByUsernameIgnoreCase(String username);

    Optional<Member> findByMemberNumber(String memberNumber);
}
