from django.conf import settings


def permissions_policy(get_response):
    """Tell browsers the portal uses no camera, microphone, location or payment APIs."""

    def middleware(request):
        response = get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response

    return middleware
