// Where bitalloc serve listens and the bearer token it printed at start.
// bitalloc fills both values in when it pushes the scripts through the Remote API;
// for a manual install, edit them here.
export const BITALLOC_URL = "http://127.0.0.1:8420";
export const BITALLOC_TOKEN = "";
