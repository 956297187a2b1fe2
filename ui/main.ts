/**
 * The browser entry: the shell's root element. Everything else (the kit, plugin modules, the
 * settings form's validators) loads from here on demand.
 */
import './shell/wb-app.js';
