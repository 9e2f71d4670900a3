"""Account forms in the site's voice ("je"): Django's password help texts say "Uw wachtwoord"."""

from allauth.account.forms import ResetPasswordKeyForm, SignupForm

PASSWORD_HELP = (
    "Kies minstens 8 tekens. Je wachtwoord mag niet te veel op je e-mailadres lijken, niet alleen uit "
    "cijfers bestaan en geen veelgebruikt wachtwoord zijn."
)


class JeSignupForm(SignupForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "password1" in self.fields:
            self.fields["password1"].help_text = PASSWORD_HELP


class JeResetPasswordKeyForm(ResetPasswordKeyForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "password1" in self.fields:
            self.fields["password1"].help_text = PASSWORD_HELP
