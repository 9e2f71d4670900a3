"""School staff accounts (django-allauth): e-mail login, mandatory verification, rate limits.

School staff are not Wagtail admin users: they get no group and no admin rights. Every login still
goes through Django's authenticate(), so django-axes (security.py) throttles it like the admin login;
allauth's own rate limits add a cap on sign-ups, password-reset mails and confirmation mails.
"""

ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_ON_GET = False
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Leerkr@cht.net] "
ACCOUNT_RATE_LIMITS = {
    # Looser than django-axes (5 per name and address), so axes' Dutch lockout page, which a
    # Beheerder can lift, is what a guessing visitor meets first.
    "login_failed": "20/m/ip,10/5m/key",
    "signup": "10/h/ip",
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
