// Starts Swagger UI on the element that names the OpenAPI document (no inline script).
document.addEventListener("DOMContentLoaded", function () {
  var root = document.getElementById("api-docs");
  if (!root || typeof SwaggerUIBundle !== "function") {
    return;
  }
  window.netralApiDocs = SwaggerUIBundle({
    url: root.dataset.openapiUrl,
    domNode: root,
    deepLinking: true,
    layout: "BaseLayout",
  });
});
