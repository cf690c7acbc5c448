package org.cinely.accounts;

import java.time.Duration;
import javax.sql.DataSource;
import org.cinely.platform.security.HttpSecurityContributor;
import org.cinely.platform.security.RateLimiter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.rememberme.JdbcTokenRepositoryImpl;
import org.springframework.security.web.authentication.rememberme.PersistentTokenBasedRememberMeServices;
import org.springframework.security.web.authentication.rememberme.PersistentTokenRepository;

/** Form log-in by e-mail, persistent remember-me, and the log-in rate limit. */
@Configuration
class AccountsSecurityConfiguration {

    private final AccountUserDetailsService userDetails;

    AccountsSecurityConfiguration(AccountRepository accounts) {
        this.userDetails = new AccountUserDetailsService(accounts);
    }

    /**
     * Password first, account state second: a suspended member learns why only after proving
     * who they are. Exposed as the one AuthenticationProvider so Boot adds no default user.
     */
    @Bean
    DaoAuthenticationProvider accountAuthenticationProvider(PasswordEncoder passwordEncoder) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(userDetails);
        provider.setPasswordEncoder(passwordEncoder);
        provider.setPreAuthenticationChecks(user -> {});
        provider.setPostAuthenticationChecks(new AccountStatusUserDetailsChecker());
        return provider;
    }

    /** Remember-me series live in the database so they survive restarts and work on every node. */
    @Bean
    PersistentTokenRepository rememberMeTokenRepository(DataSource dataSource) {
        JdbcTokenRepositoryImpl repository = new JdbcTokenRepositoryImpl();
        repository.setDataSource(dataSource);
        return repository;
    }

    @Bean
    HttpSecurityContributor accountsSecurity(
            AccountService accountService,
            AccountDeletions deletions,
            AccountRepository accounts,
            RateLimiter rateLimiter,
            PersistentTokenRepository rememberMeTokens,
            DaoAuthenticationProvider provider,
            @Value("${cinely.remember-me.key:${random.uuid}}") String rememberMeKey) {
        TrustedDevices devices = new TrustedDevices(rememberMeKey);
        return http -> {
            PersistentTokenBasedRememberMeServices rememberMe =
                    new PersistentTokenBasedRememberMeServices(rememberMeKey, userDetails, rememberMeTokens);
            rememberMe.setParameter("remember-me");
            rememberMe.setCookieName("remember-me");
            rememberMe.setTokenValiditySeconds((int) Duration.ofDays(30).toSeconds());
            http.authenticationProvider(provider);
            http.formLogin(form -> form.loginPage("/login")
                    .usernameParameter("email")
                    .passwordParameter("password")
                    .successHandler(new LoginHandlers.Success(accountService, devices, deletions))
                    .failureHandler(new LoginHandlers.Failure(accounts)));
            http.rememberMe(remember -> remember.rememberMeServices(rememberMe).key(rememberMeKey));
            http.addFilterBefore(
                    new LoginRateLimitFilter(rateLimiter, devices), UsernamePasswordAuthenticationFilter.class);
        };
    }
}
