# The front door: nginx (Debian) with deploy/nginx.conf and the portal's collected static files.
# Built by compose.yaml's `front` service, which passes the portal image as the `portal` context.
FROM portal AS static

FROM nginx:1.27-bookworm
COPY deploy/nginx.conf /etc/nginx/templates/default.conf.template
COPY --from=static /app/var/static /srv/static
# The image's entrypoint fills in ${PORTAL_UPSTREAM}, ${FRONT_LISTEN}, ${STATIC_ROOT} and
# ${FRONT_FORWARDED_PROTO} (only these: NGINX_ENVSUBST_FILTER), then starts nginx.
ENV NGINX_ENVSUBST_FILTER="^(PORTAL_UPSTREAM|FRONT_LISTEN|STATIC_ROOT|FRONT_FORWARDED_PROTO)$"
