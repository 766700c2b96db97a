package com.lantern.domain;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface MemberRefreshTokenRepository extends JpaRepository<MemberRefreshToken, UUID> {

    long deleteByFamilyId(UUID familyId);

    long deleteByMemberId(Long memberId);
}
