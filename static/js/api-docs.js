// The API's documentation page: Swagger UI reading the OpenAPI schema, served from our
// own static files (an inline script would need a CSP exception).
(function () {
  "use strict";
  const root = document.getElementById("swagger-ui");
  window.SwaggerUIBundle({
    url: root.dataset.schemaUrl,
    domNode: root,
    deepLinking: true,
    supportedSubmitMethods: ["get"],
  });
})();
