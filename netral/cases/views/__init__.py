"""Staff pages of the case workflow, mounted at /kasus/.

Views only parse input, call a scoped selector or a service, and render. Every action is
a plain form POST that redirects; HTMX requests get the same view's partial instead.
"""
