package com.brightcart.shop.customer;

import com.github.scribejava.core.model.OAuth2AccessToken;
import com.github.scribejava.core.oauth.OAuth20Service;
import java.io.IOException;
import java.util.concurrent.ExecutionException;
import org.springframework.security.core.context.SecurityContext;

public interface SocialAccountLinker {

    CustomerAccount fromGoogle(OAuth20Service google, OAuth2AccessToken token)
            throws IOException, InterruptedException, ExecutionException;

    CustomerAccount fromGitHub(OAuth20Service github, OAuth2AccessToken token)
            throws IOException, InterruptedException, ExecutionException;

    SecurityContext contextFor(CustomerAccount customer);
}
