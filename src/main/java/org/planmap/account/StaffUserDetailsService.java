package org.planmap.account;

import java.time.Instant;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Spring Security's view of a staff account: the hash, the roles as {@code ROLE_…} authorities, disabled and
 * locked flags. An account without a password (single sign-on only) cannot sign in with one.
 */
@Service
public class StaffUserDetailsService implements UserDetailsService {
    private final StaffUserRepository users;

    public StaffUserDetailsService(StaffUserRepository users) {
        this.users = users;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        StaffUser u = users.find(username).filter(x -> x.passwordHash() != null)
                .orElseThrow(() -> new UsernameNotFoundException("no such account"));
        return User.withUsername(u.username()).password(u.passwordHash())
                .authorities(u.roles().stream().map(Roles::authority).toArray(String[]::new))
                .disabled(!u.enabled()).accountLocked(u.lockedAt(Instant.now())).build();
    }
}
