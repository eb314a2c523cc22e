import Foundation
import Mirror
import NIOHTTP1
import RewardsClient
import RewardsContract
import Settings

/// The troubleshooting guide as a command: each check of the guide's quick diagnostic, run
/// against the real configuration, platform, mirror and terminal.
public struct Doctor: Sendable {
    /// What doctor is pointed at; nil parts are reported as failures of their own check.
    public struct Target: Sendable {
        public var configPath: String
        public var profileName: String?
        public var credentials: Credentials?
        public var credentialsProblem: String?
        public var expectedEnvironment: String?
        public var mirrorPath: String?
        /// How the mirror's file was chosen (`REWARDS_OPS_MIRROR`, a profile, or the key's
        /// host, club and environment), shown on the mirror line.
        public var mirrorRule: String?
        public var environment: [String: String]

        public init(configPath: String, profileName: String?, credentials: Credentials?, credentialsProblem: String?,
                    expectedEnvironment: String?, mirrorPath: String?, mirrorRule: String? = nil,
                    environment: [String: String]) {
            self.configPath = configPath; self.profileName = profileName; self.credentials = credentials
            self.credentialsProblem = credentialsProblem; self.expectedEnvironment = expectedEnvironment
            self.mirrorPath = mirrorPath; self.mirrorRule = mirrorRule; self.environment = environment
        }
    }

    let target: Target
    let now: @Sendable () -> Date
    let terminalSize: (columns: Int, rows: Int)?

    public init(target: Target, terminalSize: (columns: Int, rows: Int)?, now: @escaping @Sendable () -> Date = { Date() }) {
        self.target = target
        self.terminalSize = terminalSize
        self.now = now
    }

    public func run() async -> [DoctorCheck] {
        var checks = configChecks()
        let platform = await platformChecks()
        checks += platform.checks
        checks += mirrorChecks(identified: platform.me)
        checks += terminalChecks()
        return checks
    }

    func configChecks() -> [DoctorCheck] {
        var checks: [DoctorCheck] = []
        do {
            let config = try ConfigLoader.load(path: target.configPath)
            let exists = FileManager.default.fileExists(atPath: target.configPath)
            checks.append(DoctorCheck("config", .ok, exists ? "\(target.configPath) parses (\(config.profiles.count) profiles)"
                                                : "no config file at \(target.configPath); using the environment"))
        } catch {
            checks.append(DoctorCheck("config", .fail, "\(error)", fix: "correct the file at the line named"))
        }
        if let problem = target.credentialsProblem {
            checks.append(DoctorCheck("secret", .fail, problem,
                                      fix: "set the secret's environment variable, or chmod 600 the secret file"))
        } else if let credentials = target.credentials {
            let source = target.profileName.map { "profile \($0)" } ?? "REWARDS_OPS_* variables"
            checks.append(DoctorCheck("secret", .ok, "secret for \(credentials.keyId) found (\(source))"))
            if KeyID.environment(of: credentials.keyId) == nil {
                checks.append(DoctorCheck("key id", .warn, "\(credentials.keyId) is not mr_test_… or mr_live_…",
                                          fix: "check the key id against the platform's dashboard"))
            }
        }
        return checks
    }

    /// The platform's checks, and who it says the key is (when it said).
    func platformChecks() async -> (checks: [DoctorCheck], me: Me?) {
        guard let credentials = target.credentials else {
            return ([DoctorCheck("platform", .fail, "not checked: no connection settings",
                                fix: "add a profile to \(target.configPath) or set REWARDS_OPS_BASE_URL, _KEY_ID and _KEY_SECRET")], nil)
        }
        var checks: [DoctorCheck] = []
        var identified: Me?
        let client = PlatformClient(credentials: credentials, policy: RetryPolicy(maxAttempts: 1, requestTimeoutSeconds: 10),
                                    now: now)
        let started = Date()
        do {
            let response = try await client.send(method: .GET, pathAndQuery: "/v1/me")
            let milliseconds = Int(Date().timeIntervalSince(started) * 1000)
            checks.append(DoctorCheck("reachable", milliseconds > 2000 ? .warn : .ok,
                                      "\(credentials.baseURL) answered in \(milliseconds) ms",
                                      fix: milliseconds > 2000 ? "a slow link: the console still works, from its mirror" : nil))
            checks.append(skewCheck(serverDate: response.serverDate))
            let me = try JSONDecoder().decode(SuccessEnvelope<Me>.self, from: Data(response.body.readableBytesView)).data
            identified = me
            checks.append(DoctorCheck("signed request", .ok,
                                      "GET /v1/me: key \(me.keyId), club \(me.clubId) (\(me.clubName)), role \(me.role.rawValue)"))
            checks.append(environmentCheck(me: me, keyId: credentials.keyId))
            if !me.role.mayDecide {
                checks.append(DoctorCheck("role", .warn, "role \(me.role.rawValue): read only, approve and escalate are refused",
                                          fix: "use an ops key to take decisions"))
            }
            checks.append(RateLimitCheck.evaluate(advertised: response.rateLimit, recentlyLimited: recentlyLimited()))
        } catch let error as PlatformError {
            checks += failure(error)
            if error.apiError?.code == .rateLimited {
                checks.append(RateLimitCheck.evaluate(advertised: nil, recentlyLimited: recentlyLimited(), refusedNow: true))
            }
        } catch {
            checks.append(DoctorCheck("signed request", .fail, "the answer to GET /v1/me is not the contract's `me`",
                                      fix: "is this URL a More Rewards platform?"))
        }
        return (checks, identified)
    }

    func recentlyLimited() -> Int {
        RateLimitCheck.recentlyLimited(mirrorPath: target.mirrorPath, now: now())
    }

    func skewCheck(serverDate: Date?) -> DoctorCheck {
        guard let serverDate else {
            return DoctorCheck("clock", .warn, "the server sent no Date header; skew unknown")
        }
        // A server's Date is outside input: bounded before it becomes a whole number.
        let skew = Int(max(-1e12, min(1e12, now().timeIntervalSince(serverDate))).rounded())
        if abs(skew) > 300 {
            return DoctorCheck("clock", .fail, PlatformError.describeSkew(skew) + "; signatures are refused past 300 s",
                               fix: "sync the clock (timedatectl set-ntp true, or chronyc makestep)")
        }
        return DoctorCheck("clock", abs(skew) > 30 ? .warn : .ok, PlatformError.describeSkew(skew),
                           fix: abs(skew) > 30 ? "sync the clock before it drifts past 300 s" : nil)
    }

    func environmentCheck(me: Me, keyId: String) -> DoctorCheck {
        if let prefix = KeyID.environment(of: keyId), prefix != me.environment {
            return DoctorCheck("environment", .fail, "key prefix says \(prefix.rawValue), the server says \(me.environment.rawValue)")
        }
        if let expected = target.expectedEnvironment, expected != me.environment.rawValue {
            return DoctorCheck("environment", .fail, "the profile expects \(expected), the key is for \(me.environment.rawValue)",
                               fix: "point the profile at the right key, or correct its environment")
        }
        return DoctorCheck("environment", .ok, me.environment == .live ? "LIVE: decisions change real balances" : "test")
    }

    func failure(_ error: PlatformError) -> [DoctorCheck] {
        switch error.kind {
        case .transport(let message):
            return [DoctorCheck("reachable", .fail, "\(target.credentials?.baseURL ?? ""): \(message)",
                                fix: "check the URL, the network and any proxy; the console keeps working from its mirror")]
        case .invalidResponse(let message):
            return [DoctorCheck("signed request", .fail, message, fix: "is this URL a More Rewards platform?")]
        case .api(let status, let body):
            let request = error.requestId.map { " [request \($0)]" } ?? ""
            var checks = [DoctorCheck("reachable", .ok, "\(target.credentials?.baseURL ?? "") answered HTTP \(status)")]
            switch body.code {
            case .rateLimited:
                // The contract limits only authenticated requests (§11): the key and signature passed.
                checks.append(DoctorCheck("signed request", .ok, "accepted, then refused with 429 rate_limited\(request)"))
            case .staleTimestamp:
                checks.append(DoctorCheck("clock", .fail, error.message + request,
                                          fix: "sync the clock (timedatectl set-ntp true)"))
            case .invalidSignature:
                checks.append(DoctorCheck("signed request", .fail, "invalid_signature\(request): the secret does not match the key id",
                                          fix: "copy the secret again for key \(target.credentials?.keyId ?? "")"))
            case .unauthorized:
                let keyEnvironment = body.details?["keyEnvironment"]?.stringValue
                let serverEnvironment = body.details?["serverEnvironment"]?.stringValue
                if let keyEnvironment, let serverEnvironment {
                    checks.append(DoctorCheck("environment", .fail,
                                              "a \(keyEnvironment) key on a \(serverEnvironment) server\(request)",
                                              fix: "use a mr_\(serverEnvironment)_… key for this URL, or the \(keyEnvironment) URL for this key"))
                } else {
                    checks.append(DoctorCheck("signed request", .fail, "unauthorized\(request): \(body.message)",
                                              fix: "the key is unknown or inactive: check it in the dashboard"))
                }
            default:
                checks.append(DoctorCheck("signed request", .fail, "\(body.code.rawValue)\(request): \(body.message)"))
            }
            return checks
        }
    }

    func terminalChecks() -> [DoctorCheck] {
        var checks: [DoctorCheck] = []
        let term = target.environment["TERM"] ?? ""
        if term.isEmpty || term == "dumb" {
            checks.append(DoctorCheck("terminal", .fail, "TERM is \(term.isEmpty ? "unset" : term)",
                                      fix: "run in a terminal emulator with TERM set (xterm-256color, tmux-256color)"))
        } else {
            let colours = term.contains("256color") || term.contains("direct") ? "256 colours" : "8/16 colours"
            let noColor = target.environment["NO_COLOR"].map { _ in ", NO_COLOR set: monochrome" } ?? ""
            checks.append(DoctorCheck("terminal", .ok, "TERM=\(term) (\(colours)\(noColor))"))
        }
        let locale = target.environment["LC_ALL"] ?? target.environment["LC_CTYPE"] ?? target.environment["LANG"] ?? ""
        let utf8 = locale.uppercased().replacingOccurrences(of: "-", with: "").contains("UTF8")
        checks.append(DoctorCheck("locale", utf8 ? .ok : .warn, locale.isEmpty ? "no locale set" : locale,
                                  fix: utf8 ? nil : "export LANG=C.UTF-8 so names in every script show (the console falls back to it)"))
        if let size = terminalSize {
            let big = size.columns >= 80 && size.rows >= 24
            checks.append(DoctorCheck("size", big ? .ok : .warn, "\(size.columns)×\(size.rows)",
                                      fix: big ? nil : "the console needs at least 80×24"))
        }
        return checks
    }
}
