"""School staff accounts (django-allauth): e-mail login, mandatory verification, rate limits.

School staff are not Wagtail admin users: they get no group and no admin rights. Every login still
goes through Django's authenticate(), so django-axes (security.py) throttles it like the admin login;
allauth's own rate limits add a cap on sign-ups, password-reset mails and confirmation mails.
"""

from .env import env_int

ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_ON_GET = False
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Leerkr@cht.net] "
# Sign-ups per client address and hour: a whole school may sign up behind one connection.
SIGNUPS_PER_CLIENT_PER_HOUR = env_int("SIGNUPS_PER_CLIENT_PER_HOUR", 100)
# Sign-ups per e-mail address and hour (portal.client_address.LimitedSignupView, django-ratelimit).
SIGNUPS_PER_EMAIL_PER_HOUR = env_int("SIGNUPS_PER_EMAIL_PER_HOUR", 5)
# The client's address for allauth's limits: the same rule as django-axes' (portal/client_address.py).
ACCOUNT_ADAPTER = "portal.client_address.AccountAdapter"
ACCOUNT_RATE_LIMITS = {
    # Looser than django-axes (5 per name and address), so axes' Dutch lockout page, which a
    # Beheerder can lift, is what a guessing visitor meets first.
    "login_failed": "20/m/ip,10/5m/key",
    "signup": f"{SIGNUPS_PER_CLIENT_PER_HOUR}/h/ip",
    "reset_password": "20/m/ip,5/m/key",
    "confirm_email": "1/3m/key",
}
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/mijn-school/"
ACCOUNT_LOGOUT_REDIRECT_URL = "/"
ACCOUNT_FORMS = {  # the same forms, with help texts in the site's "je"
    "signup": "schools.account_forms.JeSignupForm",
    "reset_password_from_key": "schools.account_forms.JeResetPasswordKeyForm",
}
