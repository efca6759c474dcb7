"""Pages of one's own account: profile, password, sessions, two-factor sign-in."""
