/** @type {import('next').NextConfig} */
const nextConfig = {
  // better-sqlite3 and argon2 are native modules: load them from node_modules at run
  // time instead of bundling them.
  serverExternalPackages: ["better-sqlite3", "@node-rs/argon2"],
  poweredByHeader: false,
};

module.exports = nextConfig;
