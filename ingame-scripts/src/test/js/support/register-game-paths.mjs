// node --import ./src/test/js/support/register-game-paths.mjs --test src/test/js/
import { register } from "node:module";

register("./game-paths-hooks.mjs", import.meta.url);
