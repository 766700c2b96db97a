package com.stagepass.events.artist;

import com.github.scribejava.core.model.OAuth2AccessToken;
import com.nimbusds.oauth2.sdk.token.AccessToken;

public interface ArtistProfiles {

    void linkSoundwave(String organizer, AccessToken accessToken);

    void importFromTicketVault(String organizer, OAuth2AccessToken accessToken);
}
