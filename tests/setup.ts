// Tests decide their own credentials and endpoints: nothing from the developer's shell leaks in.
for (const name of [
  "CLOUDFLARE_API_TOKEN",
  "CLOUDFLARE_API_KEY",
  "CLOUDFLARE_EMAIL",
  "CLOUDFLARE_BASE_URL",
  "HTTP_PROXY",
  "HTTPS_PROXY",
  "http_proxy",
  "https_proxy",
]) {
  delete process.env[name];
}
