// The official `omise` npm client (omise-node) pointed at an emulator on any port.
//
// omise-node has no port option: it calls http.request({ host, path, … }) without an
// agent, so the request goes through http.globalAgent to `host` on port 80. Instead of
// making the emulator listen on port 80 (root, and a free port 80), the harness gives
// Node a global agent whose connections go to the emulator's own port. The request
// itself (Host header, path, Authorization) is what omise-node would send to api.omise.co.
'use strict';
const http = require('node:http');
const net = require('node:net');

/** An http.Agent that sends every connection to `port` on `hostname`. */
class EmulatorAgent extends http.Agent {
  constructor(hostname, port) {
    super({ keepAlive: true });
    this.target = { host: hostname, port };
  }
  createConnection(_options, callback) {
    const socket = net.createConnection(this.target);
    if (callback) socket.once('connect', () => callback(null, socket));
    return socket;
  }
}

/**
 * Returns an omise-node client talking to the emulator at `baseUrl`
 * (e.g. 'http://127.0.0.1:41234'). Installs the agent for the whole process.
 */
function officialClient(baseUrl, secretKey) {
  const url = new URL(baseUrl);
  http.globalAgent = new EmulatorAgent(url.hostname, Number(url.port || 80));
  process.env.OMISE_SCHEME = 'http';
  const Omise = require('omise');
  return Omise({ secretKey, host: url.hostname, omiseVersion: '2019-05-29' });
}

module.exports = { officialClient, EmulatorAgent };
