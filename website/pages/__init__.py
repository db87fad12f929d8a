"""What each public page shows, assembled from the apps' selectors: the
view-models the templates render. Nothing here queries the database directly;
the selectors it calls state their query counts."""
