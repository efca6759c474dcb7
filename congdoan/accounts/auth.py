"""API authentication: Django session (with CSRF) or a personal token sent as ``Authorization: Bearer``."""

from ninja.security import HttpBearer, django_auth

from .services import token_authenticate


class PersonalTokenAuth(HttpBearer):
    def authenticate(self, request, token):
        user = token_authenticate(token)
        if user is not None:
            request.user = user
        return user


api_auth = [PersonalTokenAuth(), django_auth]
