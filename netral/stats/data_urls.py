"""Open data at /data/: the Frictionless descriptor and its CSV resources."""

from django.urls import path

from netral.stats import views

app_name = "opendata"
urlpatterns = [
    path("datapackage.json", views.package_descriptor, name="descriptor"),
    path("<slug:name>.csv", views.package_resource, name="resource"),
]
