/** Generated from the OpenAPI document by scripts/api-types.ts: do not edit. */
export interface paths {
    "/api/v1/auth/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your sessions that have not ended (browsers signed in as you), the most recently used first. API tokens are not sessions: see GET /tokens */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Session"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/sessions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** End one of your sessions (sign that browser out); 404 for one that is not yours or has ended */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/sign-out-everywhere": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End every session of yours, this one included. API tokens stay valid: revoke them with DELETE /tokens/{id} */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ended: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/second-factor": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your 2-step verification: whether it is on, whether your role requires it, recovery codes left. Browser sessions only: 403 with an API token */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SecondFactorStatus"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/second-factor/setup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start setting up an authenticator app: a new secret, as a QR code and as text. Nothing changes at sign-in until it is confirmed (POST /auth/second-factor/confirm); calling this again replaces the secret. 409 while 2-step verification is on. Browser sessions only: 403 with an API token */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SecondFactorSetup"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/second-factor/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Confirm the authenticator with the code it shows: 2-step verification is then on, your other sessions end (this one stays), and the answer carries ten recovery codes (shown once). A wrong code is 400 on body.code and counts as a failed sign-in. Browser sessions only: 403 with an API token */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        code: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RecoveryCodes"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/second-factor/recovery-codes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Replace your recovery codes with ten new ones (the old stop working), given a code from your authenticator. Browser sessions only: 403 with an API token */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        code: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RecoveryCodes"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/second-factor/turn-off": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Turn 2-step verification off, given your password and a code (from the authenticator, or a recovery code). 403 when your role requires it. Browser sessions only: 403 with an API token */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        password: string;
                        code: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/options": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How staff sign in here: with a password (unless LOCAL_PASSWORDS=off), with single sign-on */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            passwords: boolean;
                            sso: {
                                label: string;
                                start: string;
                            } | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/sso/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Start single sign-on: redirects (302) to the identity provider; `next` is where in the workspace to land afterwards. 404 when single sign-on is not configured */
        get: {
            parameters: {
                query?: {
                    next?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/sso/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Where the identity provider sends the browser back: signs in and redirects (302) to the workspace, or to the sign-in page with `?sso=no-role|inactive|no-email|email-unverified|failed` */
        get: {
            parameters: {
                query?: {
                    code?: string;
                    state?: string;
                    iss?: string;
                    error?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in with email and password; sets an HttpOnly session cookie. Only from Redress’s own page (Sec-Fetch-Site same-origin, else Origin or Referer of the public address): otherwise 403 `cross-site-request`
         * @description Five failed sign-ins in a row with one email address lock it out: each further failure answers 429 `sign-in-locked` with Retry-After, for a minute at first, doubling to at most an hour. While locked, even the right password is refused. An address nobody has is locked out the same way. A success (or an admin: POST /users/{id}/unlock) starts the count again. With 2-step verification on, the answer is `secondStep` instead of a session: post its ticket with a code to POST /auth/login/second-step within five minutes (the failures are counted on until then).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        email: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SignedIn"] | components["schemas"]["SecondStepNeeded"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login/second-step": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The second step of a sign-in with 2-step verification on: the ticket from POST /auth/login and the 6-digit code the authenticator app shows (or one of the recovery codes); sets the session cookie
         * @description A code is accepted once (a code already used, or for an earlier time step, is refused). A wrong code is 400 on body.code and counts as a failed sign-in for the lockout (429 `sign-in-locked`). A ticket takes three codes at most; an ended, used or spent ticket is 401: sign in again. Only from Redress’s own page, like POST /auth/login.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        ticket: string;
                        code: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SignedIn"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign out: ends this session */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Me"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change your own password: give the current one; the new one has 12 characters or more, is not easily guessed (a zxcvbn score of 3 or more; a refusal says why) and does not contain your name or email. Every other session of yours ends. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        currentPassword: string;
                        newPassword: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["User"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/complaints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List complaints
         * @description Filters combine with AND. Pages are keyset-paginated: pass `nextCursor` back as `cursor`.
         */
        get: {
            parameters: {
                query?: {
                    /** @description A named queue (GET /queues); the other filters narrow it further */
                    queue?: "mine" | "unassigned" | "waiting-attempt-1" | "waiting-attempt-2" | "waiting-attempt-3" | "attempt-1" | "attempt-2" | "attempt-3" | "overdue" | "adr-soon" | "awaiting-referral" | "email-failed" | "closed" | "all";
                    /** @description Comma-separated stages */
                    stage?: string;
                    /** @description A user id, `me`, or `none` for unassigned */
                    owner?: string;
                    category?: string;
                    open?: "true" | "false";
                    /** @description A step is past its date */
                    overdue?: "true" | "false";
                    adrDueWithinDays?: number;
                    /** @description Words, each matching the start of a word in the description, the customer’s own words or name, or a fragment of the reference, email or phone number; a word that reads as the start of a reference (`MISO-26-0001`) matches the references that start with it. Sorted best match first unless `sort` says otherwise (with a reference, the closest reference first) */
                    q?: string;
                    sort?: "received" | "adr-due" | "reference" | "relevance";
                    order?: "asc" | "desc";
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /**
                                 * @description Complaint Reference Number
                                 * @example MISO-26-000123-C
                                 */
                                reference: string;
                                /** @enum {string} */
                                stage: "initiation" | "attempt-1" | "attempt-2" | "attempt-3" | "deadlock" | "closed";
                                stageName: string;
                                /** @enum {string} */
                                category: "billing" | "service-quality" | "customer-service" | "contract" | "equipment" | "other";
                                channel: string;
                                ownerId: string | null;
                                /** @description The role an unassigned complaint waits for in its stage’s queue; null when someone owns it */
                                needs: ("agent" | "reviewer" | "director" | "admin") | null;
                                customer: {
                                    id: string;
                                    name: string;
                                };
                                summary: string;
                                receivedAt: string;
                                firstExpressedAt: string;
                                /**
                                 * Format: date
                                 * @example 2026-11-30
                                 */
                                adrDueOn: string;
                                /** @description London days from today to adrDueOn; negative once it has passed */
                                adrDaysLeft: number;
                                /** @description When the first ADR letter went out, if one has */
                                adrLetterIssuedOn: string | null;
                                closureReason: string | null;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Record a complaint (Complaint Initiation)
         * @description Issues the Complaint Reference Number and starts Resolution Attempt 1 and the ADR clock. Send an `Idempotency-Key` header to make a retry return the first result instead of a second complaint.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["NewComplaintInput"];
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * @description Complaint Reference Number
                             * @example MISO-26-000123-C
                             */
                            reference: string;
                            id: string;
                            location: string;
                            /** @description True when an earlier request with the same Idempotency-Key created it */
                            replayed: boolean;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/complaints/export.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download a complaint list as CSV
         * @description The complaints the same filters list (`GET /complaints`, without `limit` and `cursor`), all of them, streamed as CSV (UTF-8 with a byte-order mark, for Excel). Columns: Reference, Received, First expressed, Channel, Category, Customer type, Stage, Owner, ADR due, Closed, Closure reason, Root cause; times in London time. No customer name, contact details or words. A cell starting with = + - @ is prefixed with ' so that a spreadsheet does not run it as a formula. A search (`q`) is exported newest first unless `sort` says otherwise.
         */
        get: {
            parameters: {
                query?: {
                    /** @description A named queue (GET /queues); the other filters narrow it further */
                    queue?: "mine" | "unassigned" | "waiting-attempt-1" | "waiting-attempt-2" | "waiting-attempt-3" | "attempt-1" | "attempt-2" | "attempt-3" | "overdue" | "adr-soon" | "awaiting-referral" | "email-failed" | "closed" | "all";
                    /** @description Comma-separated stages */
                    stage?: string;
                    /** @description A user id, `me`, or `none` for unassigned */
                    owner?: string;
                    category?: string;
                    open?: "true" | "false";
                    /** @description A step is past its date */
                    overdue?: "true" | "false";
                    adrDueWithinDays?: number;
                    /** @description Words, each matching the start of a word in the description, the customer’s own words or name, or a fragment of the reference, email or phone number; a word that reads as the start of a reference (`MISO-26-0001`) matches the references that start with it. Sorted best match first unless `sort` says otherwise (with a reference, the closest reference first) */
                    q?: string;
                    sort?: "received" | "adr-due" | "reference" | "relevance";
                    order?: "asc" | "desc";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The complaints, as CSV */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": string;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/complaints/assign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Assign several complaints at once (from a queue)
         * @description Each complaint is assigned by the `assign` command in its own transaction: one that may not go to that person (their role does not fit its stage, or it closed meanwhile) is reported in `results` with the reason, and the others are still assigned.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        references: string[];
                        /** @description A member of staff, or null: back to each complaint’s stage queue */
                        ownerId: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            results: {
                                reference: string;
                                ok: boolean;
                                problem?: {
                                    code: string;
                                    message: string;
                                };
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/queues": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The staff queues, with how many complaints are in each now
         * @description List a queue with `GET /complaints?queue={id}`. `count` is null for closed and all.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Queue"][];
                            /**
                             * @description The queue this user starts on: the most senior stage queue their roles work from that has complaints waiting for their role, else their own complaints when they have some, else their stage’s queue
                             * @enum {string}
                             */
                            landing: "mine" | "unassigned" | "waiting-attempt-1" | "waiting-attempt-2" | "waiting-attempt-3" | "attempt-1" | "attempt-2" | "attempt-3" | "overdue" | "adr-soon" | "awaiting-referral" | "email-failed" | "closed" | "all";
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/complaints/{reference}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a complaint
         * @description The state, attempts, steps, contacts, timeline, the ADR block and `nextActions` for the caller.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Complaint Reference Number */
                    reference: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Complaint"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/complaints/{reference}/reply": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Write to the customer: an email threaded with the complaint’s mail (its letter attached), or a letter queued for print when the customer takes post or has no email address.
         * @description Write to the customer: an email threaded with the complaint’s mail (its letter attached), or a letter queued for print when the customer takes post or has no email address. Refused with 409 (code `not-allowed-now`, listing `allowed`) when the procedure does not allow it at this point, and 403 when the caller’s role may not.
         */
        post: operations["reply"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/complaints/{reference}/not-practical": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Attempt 1: immediate action is not practical; the complaint goes to the detailed review of attempt 2.
         * @description Attempt 1: immediate action is not practical; the complaint goes to the detailed review of attempt 2. Refused with 409 (code `not-allowed-now`, listing `allowed`) when the procedure does not allow it at this point, and 403 when the caller’s role may not.
         */
        post: operations["not-practical"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/complaints/{reference}/not-practical/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Preview what not-practical would send the customer
         * @description Decides the command on the complaint as it stands, without recording anything, and renders every email and letter it would send, exactly as they will be sent (the letter as PDF, base64, and as text). Refused as the command itself would be; an empty list when it sends the customer nothing.
         */
        post: operations["preview-not-practical"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/complaints/{reference}/record-review": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record what the review found (attempt 1: exploration; 2: detailed review; 3: director-level review).
         * @description Record what the review found (attempt 1: exploration; 2: detailed review; 3: director-level review). Refused with 409 (code `not-allowed-now`, listing `allowed`) when the procedure does not allow it at this point, and 403 when the caller’s role may not.
         */
        post: operations["record-review"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/complaints/{reference}/record-review/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Preview what record-review would send the customer
         * @description Decides the command on the complaint as it stands, without recording anything, and renders every email and letter it would send, exactly as they will be sent (the letter as PDF, base64, and as text). Refused as the command itself would be; an empty list when it sends the customer nothing.
         */
        post: operations["preview-record-review"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/complaints/{reference}/propose": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Propose remedial action: steps, each with an owner and an agreed due date.
         * @description Propose remedial action: steps, each with an owner and an agreed due date. Refused with 409 (code `not-allowed-now`, listing `allowed`) when the procedure does not allow it at this point, and 403 when the caller’s role may not.
         */
        post: operations["propose"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/complaints/{reference}/propose/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Preview what propose would send the customer
         * @description Decides the command on the complaint as it stands, without recording anything, and renders every email and letter it would send, exactly as they will be sent (the letter as PDF, base64, and as text). Refused as the command itself would be; an empty list when it sends the customer nothing.
         */
        post: operations["preview-propose"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/complaints/{reference}/record-response": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record the customer’s response to the proposal. Declining escalates to the next attempt.
         * @description Record the customer’s response to the proposal. Declining escalates to the next attempt. Refused with 409 (code `not-allowed-now`, listing `allowed`) when the procedure does not allow it at this point, and 403 when the caller’s role may not.
         */
        post: operations["record-response"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/complaints/{reference}/record-response/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Preview what record-response would send the customer
         * @description Decides the command on the complaint as it stands, without recording anything, and renders every email and letter it would send, exactly as they will be sent (the letter as PDF, base64, and as text). Refused as the command itself would be; an empty list when it sends the customer nothing.
         */
        post: operations["preview-record-response"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/complaints/{reference}/complete-step": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mark a step of the agreed proposal as done; the last one opens the follow-up.
         * @description Mark a step of the agreed proposal as done; the last one opens the follow-up. Refused with 409 (code `not-allowed-now`, listing `allowed`) when the procedure does not allow it at this point, and 403 when the caller’s role may not.
         */
        post: operations["complete-step"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/complaints/{reference}/complete-step/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Preview what complete-step would send the customer
         * @description Decides the command on the complaint as it stands, without recording anything, and renders every email and letter it would send, exactly as they will be sent (the letter as PDF, base64, and as text). Refused as the command itself would be; an empty list when it sends the customer nothing.
         */
        post: operations["preview-complete-step"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/complaints/{reference}/record-follow-up": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record the follow-up contact: satisfied closes, not satisfied escalates, no response starts the chase.
         * @description Record the follow-up contact: satisfied closes, not satisfied escalates, no response starts the chase. Refused with 409 (code `not-allowed-now`, listing `allowed`) when the procedure does not allow it at this point, and 403 when the caller’s role may not.
         */
        post: operations["record-follow-up"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/complaints/{reference}/record-follow-up/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Preview what record-follow-up would send the customer
         * @description Decides the command on the complaint as it stands, without recording anything, and renders every email and letter it would send, exactly as they will be sent (the letter as PDF, base64, and as text). Refused as the command itself would be; an empty list when it sends the customer nothing.
         */
        post: operations["preview-record-follow-up"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/complaints/{reference}/escalate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Escalate to the next resolution attempt.
         * @description Escalate to the next resolution attempt. Refused with 409 (code `not-allowed-now`, listing `allowed`) when the procedure does not allow it at this point, and 403 when the caller’s role may not.
         */
        post: operations["escalate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/complaints/{reference}/escalate/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Preview what escalate would send the customer
         * @description Decides the command on the complaint as it stands, without recording anything, and renders every email and letter it would send, exactly as they will be sent (the letter as PDF, base64, and as text). Refused as the command itself would be; an empty list when it sends the customer nothing.
         */
        post: operations["preview-escalate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/complaints/{reference}/declare-deadlock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Director: nothing further can be done. Issues the ADR letter the same day.
         * @description Director: nothing further can be done. Issues the ADR letter the same day. Refused with 409 (code `not-allowed-now`, listing `allowed`) when the procedure does not allow it at this point, and 403 when the caller’s role may not.
         */
        post: operations["declare-deadlock"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/complaints/{reference}/declare-deadlock/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Preview what declare-deadlock would send the customer
         * @description Decides the command on the complaint as it stands, without recording anything, and renders every email and letter it would send, exactly as they will be sent (the letter as PDF, base64, and as text). Refused as the command itself would be; an empty list when it sends the customer nothing.
         */
        post: operations["preview-declare-deadlock"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/complaints/{reference}/record-referral": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record that the customer took the complaint to the ADR scheme.
         * @description Record that the customer took the complaint to the ADR scheme. Refused with 409 (code `not-allowed-now`, listing `allowed`) when the procedure does not allow it at this point, and 403 when the caller’s role may not.
         */
        post: operations["record-referral"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/complaints/{reference}/record-referral/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Preview what record-referral would send the customer
         * @description Decides the command on the complaint as it stands, without recording anything, and renders every email and letter it would send, exactly as they will be sent (the letter as PDF, base64, and as text). Refused as the command itself would be; an empty list when it sends the customer nothing.
         */
        post: operations["preview-record-referral"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/complaints/{reference}/record-ombudsman-outcome": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record the scheme’s decision, its remedy and whether the customer accepted it.
         * @description Record the scheme’s decision, its remedy and whether the customer accepted it. Refused with 409 (code `not-allowed-now`, listing `allowed`) when the procedure does not allow it at this point, and 403 when the caller’s role may not.
         */
        post: operations["record-ombudsman-outcome"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/complaints/{reference}/record-ombudsman-outcome/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Preview what record-ombudsman-outcome would send the customer
         * @description Decides the command on the complaint as it stands, without recording anything, and renders every email and letter it would send, exactly as they will be sent (the letter as PDF, base64, and as text). Refused as the command itself would be; an empty list when it sends the customer nothing.
         */
        post: operations["preview-record-ombudsman-outcome"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/complaints/{reference}/record-case-fee": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record the fee the ADR scheme charged for this referral (pence, VAT included).
         * @description Record the fee the ADR scheme charged for this referral (pence, VAT included). Refused with 409 (code `not-allowed-now`, listing `allowed`) when the procedure does not allow it at this point, and 403 when the caller’s role may not.
         */
        post: operations["record-case-fee"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/complaints/{reference}/record-case-fee/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Preview what record-case-fee would send the customer
         * @description Decides the command on the complaint as it stands, without recording anything, and renders every email and letter it would send, exactly as they will be sent (the letter as PDF, base64, and as text). Refused as the command itself would be; an empty list when it sends the customer nothing.
         */
        post: operations["preview-record-case-fee"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/complaints/{reference}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The customer withdrew the complaint (the reason stands as the lesson when none is given).
         * @description The customer withdrew the complaint (the reason stands as the lesson when none is given). Refused with 409 (code `not-allowed-now`, listing `allowed`) when the procedure does not allow it at this point, and 403 when the caller’s role may not.
         */
        post: operations["withdraw"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/complaints/{reference}/withdraw/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Preview what withdraw would send the customer
         * @description Decides the command on the complaint as it stands, without recording anything, and renders every email and letter it would send, exactly as they will be sent (the letter as PDF, base64, and as text). Refused as the command itself would be; an empty list when it sends the customer nothing.
         */
        post: operations["preview-withdraw"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/complaints/{reference}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Close a complaint at deadlock: decision implemented (this records the remedy as implemented), decision not accepted, or ADR window expired.
         * @description Close a complaint at deadlock: decision implemented (this records the remedy as implemented), decision not accepted, or ADR window expired. Refused with 409 (code `not-allowed-now`, listing `allowed`) when the procedure does not allow it at this point, and 403 when the caller’s role may not.
         */
        post: operations["close"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/complaints/{reference}/close/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Preview what close would send the customer
         * @description Decides the command on the complaint as it stands, without recording anything, and renders every email and letter it would send, exactly as they will be sent (the letter as PDF, base64, and as text). Refused as the command itself would be; an empty list when it sends the customer nothing.
         */
        post: operations["preview-close"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/complaints/{reference}/record-root-cause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record or correct the root cause of a closed complaint: one the customer closed (“yes, it is sorted”) or the clock closed; lessons left out keep those recorded.
         * @description Record or correct the root cause of a closed complaint: one the customer closed (“yes, it is sorted”) or the clock closed; lessons left out keep those recorded. Refused with 409 (code `not-allowed-now`, listing `allowed`) when the procedure does not allow it at this point, and 403 when the caller’s role may not.
         */
        post: operations["record-root-cause"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/complaints/{reference}/record-root-cause/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Preview what record-root-cause would send the customer
         * @description Decides the command on the complaint as it stands, without recording anything, and renders every email and letter it would send, exactly as they will be sent (the letter as PDF, base64, and as text). Refused as the command itself would be; an empty list when it sends the customer nothing.
         */
        post: operations["preview-record-root-cause"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/complaints/{reference}/assign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Give the complaint to a member of staff who may work at its stage (null: back to the stage’s queue).
         * @description Give the complaint to a member of staff who may work at its stage (null: back to the stage’s queue). Refused with 409 (code `not-allowed-now`, listing `allowed`) when the procedure does not allow it at this point, and 403 when the caller’s role may not.
         */
        post: operations["assign"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/complaints/{reference}/assign/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Preview what assign would send the customer
         * @description Decides the command on the complaint as it stands, without recording anything, and renders every email and letter it would send, exactly as they will be sent (the letter as PDF, base64, and as text). Refused as the command itself would be; an empty list when it sends the customer nothing.
         */
        post: operations["preview-assign"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/complaints/{reference}/take": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Take an unassigned complaint for yourself; open to staff with a role of the complaint’s stage.
         * @description Take an unassigned complaint for yourself; open to staff with a role of the complaint’s stage. Refused with 409 (code `not-allowed-now`, listing `allowed`) when the procedure does not allow it at this point, and 403 when the caller’s role may not.
         */
        post: operations["take"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/complaints/{reference}/take/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Preview what take would send the customer
         * @description Decides the command on the complaint as it stands, without recording anything, and renders every email and letter it would send, exactly as they will be sent (the letter as PDF, base64, and as text). Refused as the command itself would be; an empty list when it sends the customer nothing.
         */
        post: operations["preview-take"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/complaints/{reference}/log-contact": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Log a contact with the customer: phone, email, letter, web, textphone or in person; in or out. The customer sees its summary in the portal only when visibleToCustomer is true.
         * @description Log a contact with the customer: phone, email, letter, web, textphone or in person; in or out. The customer sees its summary in the portal only when visibleToCustomer is true. Refused with 409 (code `not-allowed-now`, listing `allowed`) when the procedure does not allow it at this point, and 403 when the caller’s role may not.
         */
        post: operations["log-contact"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/complaints/{reference}/log-contact/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Preview what log-contact would send the customer
         * @description Decides the command on the complaint as it stands, without recording anything, and renders every email and letter it would send, exactly as they will be sent (the letter as PDF, base64, and as text). Refused as the command itself would be; an empty list when it sends the customer nothing.
         */
        post: operations["preview-log-contact"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/complaints/{reference}/add-note": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add an internal note (never shown to the customer).
         * @description Add an internal note (never shown to the customer). Refused with 409 (code `not-allowed-now`, listing `allowed`) when the procedure does not allow it at this point, and 403 when the caller’s role may not.
         */
        post: operations["add-note"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/complaints/{reference}/add-note/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Preview what add-note would send the customer
         * @description Decides the command on the complaint as it stands, without recording anything, and renders every email and letter it would send, exactly as they will be sent (the letter as PDF, base64, and as text). Refused as the command itself would be; an empty list when it sends the customer nothing.
         */
        post: operations["preview-add-note"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/complaints/{reference}/reply/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Preview what reply would send the customer
         * @description Decides the command on the complaint as it stands, without recording anything, and renders every email and letter it would send, exactly as they will be sent (the letter as PDF, base64, and as text). Refused as the command itself would be; an empty list when it sends the customer nothing.
         */
        post: operations["preview-reply"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Search customers by name, email, phone or postcode (records merged into another are left out) */
        get: {
            parameters: {
                query: {
                    q: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Customer"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Create a customer */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        /** Format: email */
                        email?: string;
                        phone?: string;
                        /**
                         * @description Only residential and small business / not-for-profit customers can use ADR
                         * @enum {string}
                         */
                        type?: "residential" | "small-business" | "not-for-profit" | "large-business";
                        addressLines?: string[];
                        postcode?: string;
                        needs?: {
                            largePrint?: boolean;
                            braille?: boolean;
                            textRelay?: boolean;
                        };
                        /** @enum {string} */
                        preferredChannel?: "phone" | "email" | "web" | "letter" | "textphone" | "in-person";
                        vulnerabilityNotes?: string;
                        /** @description The customer asked not to be contacted beyond what their complaint needs: no satisfaction survey. A change is audited */
                        contactOptOut?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Customer"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a customer (a merged record says which record it was merged into) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Customer"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Update a customer (fields left out keep their values; a merged record cannot change)
         * @description A change of `type` to one the ADR scheme takes issues, in the same transaction, the time-limit ADR letter of each of the customer's open complaints already past its ADR date without one, dated today.
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        /** Format: email */
                        email?: string;
                        phone?: string;
                        /**
                         * @description Only residential and small business / not-for-profit customers can use ADR
                         * @enum {string}
                         */
                        type?: "residential" | "small-business" | "not-for-profit" | "large-business";
                        addressLines?: string[];
                        postcode?: string;
                        needs?: {
                            largePrint?: boolean;
                            braille?: boolean;
                            textRelay?: boolean;
                        };
                        /** @enum {string} */
                        preferredChannel?: "phone" | "email" | "web" | "letter" | "textphone" | "in-person";
                        vulnerabilityNotes?: string;
                        /** @description The customer asked not to be contacted beyond what their complaint needs: no satisfaction survey. A change is audited */
                        contactOptOut?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Customer"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/customers/{id}/duplicates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Likely duplicates of a customer: the same email, the same phone number (UK national form), or the same postcode and a similar name */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Strongest likeness first */
                            items: {
                                customer: components["schemas"]["Customer"];
                                /** @description Why the record looks like the same customer */
                                reasons: ("email" | "phone" | "postcode-and-name")[];
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customers/{id}/merge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Merge this customer record into another (`into`): its complaints, emails and portal sign-ins follow; it is kept as a tombstone pointing to the survivor. Reviewers, directors and admins only (403 for agents) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The customer record that survives */
                        into: string;
                        /** @description Must be true when the two records’ customer types differ: the complaints that move take the survivor’s type (it decides ADR eligibility) */
                        confirmDifferentType?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            customer: components["schemas"]["Customer"];
                            moved: {
                                /** @description References of the complaints that moved */
                                complaints: string[];
                                emails: number;
                                portalLinks: number;
                                portalSessions: number;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customers/{id}/personal-data": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Everything held about a customer (subject access), as a ZIP; admins only
         * @description Streamed ZIP: `customer.json` (the record and any merged into it), `portal-sign-ins.json`, `emails.json` (emails about no complaint), `audit.json` (audit entries about the customer), and for each complaint `complaints/<CRN>/` with `complaint.json` (state), `timeline.json` (its audit trail), contacts, notes, emails, letters, uploads and survey as JSON, and every letter, email attachment and upload byte for byte; `manifest.json` last, with every file’s sha256. The export is on the audit trail.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The personal data export */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/zip": string;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customers/{id}/erase": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Erase a customer’s personal data now (erasure request); admins only
         * @description Anonymises the customer record and every complaint of theirs as the retention purge would (docs/PRIVACY.md). Refused (409 `erasure-refused`, with the reason) while a complaint of theirs is open or within 12 months of an ADR letter. Audited.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Erasure"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List staff (any signed-in staff: needed to assign complaints and steps) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["StaffMember"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Add a member of staff (admin) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: email */
                        email: string;
                        name: string;
                        roles: ("agent" | "reviewer" | "director" | "admin")[];
                        /** @description A one-time password (the user chooses their own at first sign-in): 12 characters or more, not easily guessed (a zxcvbn score of 3 or more), and not containing their name or email address */
                        password?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["User"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/unlock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Lift a member of staff’s sign-in lockout and forget their failed sign-ins (admin); audited as sign-in-unlocked */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Unlocked */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/second-factor/reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reset a member of staff’s 2-step verification (admin): their authenticator and recovery codes are deleted and their sessions end; audited as second-factor-reset. If their role requires it, they set up a new one at their next sign-in. Only in a browser session: 403 with an API token */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Reset */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a member of staff’s name, roles, password or active flag (admin) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        roles?: ("agent" | "reviewer" | "director" | "admin")[];
                        active?: boolean;
                        /** @description A one-time password (the user chooses their own at first sign-in): 12 characters or more, not easily guessed (a zxcvbn score of 3 or more), and not containing their name or email address */
                        password?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["User"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List unrevoked API tokens: your own; an admin sees everyone’s, or one person’s with userId */
        get: {
            parameters: {
                query?: {
                    userId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["ApiToken"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Create an API token for yourself; the token is shown once
         * @description A token acts as the person who created it, with their roles, so nobody (not even an admin) can create one for someone else here; an operator can, with the CLI (`redress token create`).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @example Billing system integration */
                        name: string;
                        /**
                         * Format: date-time
                         * @description When it stops working; in the future. Default: never
                         * @example 2026-11-28T10:15:00Z
                         */
                        expiresAt?: string;
                        /** @description full (default), read, or commands: and procedure command names, e.g. commands:log-contact,add-note */
                        scope?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CreatedApiToken"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tokens/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an API token (your own, or anyone’s as an admin); it stops working at once */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Revoked */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/complaints/{reference}/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The audit trail of a complaint */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Complaint Reference Number */
                    reference: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                seq: number;
                                id: string;
                                type: string;
                                actor: string | null;
                                at: string;
                                payload: unknown;
                                hash: string;
                                prevHash: string;
                                /** @description Position in the complaint’s hash chain (1, 2, …); null for an event recorded before the chains were per complaint, which belongs to the one earlier global chain */
                                chainSeq: number | null;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/complaints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Raise a complaint on the website (no account needed)
         * @description Records a new customer every time (never matched to an existing one) and the complaint, channel `web`, with the customer’s web contact. Send an `Idempotency-Key` header to make a retry return the first reference instead of a second complaint (the same key with other files is refused with 422). Files come in the JSON body, base64: one request, checked whole before anything is stored. A body too large for the files allowed is refused with 413 (`field`: `attachments`).
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["OnlineComplaintInput"];
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RaisedComplaint"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/sign-in-link": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ask for a one-time sign-in link to track a complaint
         * @description Always 202 when accepted: whether the CRN and contact matched is never said. The link is emailed to an email address, and texted to a phone number (a UK mobile) when an SMS gateway is configured (`signInLinksBy` in `GET /procedure`); without one, a phone number is a 400 (`field` `contact`) that says to use email or to call the company. A CRN with a wrong check character is a 400.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description Complaint Reference Number
                         * @example MISO-26-000123-C
                         */
                        reference: string;
                        /** @description The email address or phone number on the customer’s record (any UK way of writing it) */
                        contact: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/sign-in": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in with a one-time link’s token; sets the portal cookie. Only from Redress’s own page: otherwise 403 `cross-site-request` */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        token: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            reference: string | null;
                            expiresAt: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/sign-out": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign out of the portal */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/complaints/{reference}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in customer’s complaint (404 for anyone else’s) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Complaint Reference Number */
                    reference: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PortalComplaint"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/complaints/{reference}/satisfaction": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Answer the satisfaction survey of a closed complaint (one tap: the score; a comment if wished)
         * @description Recorded once, on the complaint’s trail; answered already (by the emailed link, say), the answer as given stands.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Complaint Reference Number */
                    reference: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description 1 very dissatisfied, 2 dissatisfied, 3 neither, 4 satisfied, 5 very satisfied */
                        score: number;
                        /** @description Anything the customer wants to add, in their words */
                        comment?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PortalComplaint"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/complaints/{reference}/satisfaction/comment": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a comment to a survey answered without one (once) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Complaint Reference Number */
                    reference: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Anything the customer wants to add, in their words */
                        comment: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PortalComplaint"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/complaints/{reference}/respond": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Accept or decline the proposal */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Complaint Reference Number */
                    reference: string;
                };
                cookie?: never;
            };
            /** @description Accept or decline the proposal */
            requestBody: {
                content: {
                    "application/json": {
                        agree: boolean;
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PortalComplaint"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/complaints/{reference}/follow-up": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Has this resolved your complaint? Yes or no */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Complaint Reference Number */
                    reference: string;
                };
                cookie?: never;
            };
            /** @description Has this resolved your complaint? Yes or no */
            requestBody: {
                content: {
                    "application/json": {
                        resolved: boolean;
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PortalComplaint"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/complaints/{reference}/add-information": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add information to the complaint, with files if the customer has them */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Complaint Reference Number */
                    reference: string;
                };
                cookie?: never;
            };
            /** @description Add information to the complaint, with files if the customer has them */
            requestBody: {
                content: {
                    "application/json": {
                        text: string;
                        /** @description Files that show what happened: PDF, PNG, JPEG, GIF, WebP, HEIC, plain text and office documents, at most 20, 5.0 MB each and MAIL_MAX_BYTES (10 MB by default) in all. A file whose bytes are not the type its name and content type say (an executable renamed `.png`) is refused with a 400 naming it (`attachments.0`), and then nothing is stored. */
                        attachments?: components["schemas"]["UploadInputInput"][];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PortalComplaint"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/survey": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Open the satisfaction survey of an emailed link: the question, and the answer once given
         * @description A link expired or unknown is a 404 with the code `survey-not-found`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The token from the emailed link (after #) */
                        token: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SatisfactionSurvey"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/survey/answer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Answer the satisfaction survey of an emailed link (one tap: the score; a comment if wished)
         * @description Recorded once, on the complaint’s trail and timeline; answered already, the answer as given comes back unchanged.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description 1 very dissatisfied, 2 dissatisfied, 3 neither, 4 satisfied, 5 very satisfied */
                        score: number;
                        /** @description Anything the customer wants to add, in their words */
                        comment?: string;
                        /** @description The token from the emailed link (after #) */
                        token: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SatisfactionSurvey"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/survey/comment": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a comment to a survey answered without one (once) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Anything the customer wants to add, in their words */
                        comment: string;
                        /** @description The token from the emailed link (after #) */
                        token: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SatisfactionSurvey"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/procedure": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The complaints procedure in force (public: it is what the Complaints Code publishes)
         * @description The company, the stages and their texts, the time limits, the ADR scheme and the regulator, as validated when Redress started, with warnings about valid settings worth a second look.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ProcedureView"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/mail": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The mail log, newest first
         * @description Everything sent and received, including mail that was ignored (auto-replies, bounces) or refused, with the reason. Without SMTP_URL this is where the dev mailbox is read.
         */
        get: {
            parameters: {
                query?: {
                    direction?: "in" | "out";
                    status?: "queued" | "sent" | "failed" | "received" | "ignored" | "rejected";
                    /** @description e.g. `triage` for messages awaiting triage, `acknowledgement` for those sent */
                    kind?: string;
                    /** @description `exclude` leaves out the customer portal’s sign-in-link emails (kind `portal-link`); default `include` */
                    signInLinks?: "include" | "exclude";
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["MailSummary"][];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/mail/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One message: headers, text and its attachments */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Mail"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/mail/{id}/convert": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Make a message awaiting triage a complaint (channel email); its acknowledgement replies to it
         * @description Refused with 409 when the message is not awaiting triage or someone settled it first.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        category?: "billing" | "service-quality" | "customer-service" | "contract" | "equipment" | "other";
                        formal?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * @description Complaint Reference Number
                             * @example MISO-26-000123-C
                             */
                            reference: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/mail/{id}/dismiss": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Dismiss a message awaiting triage (not a complaint), with the reason */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workload": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Open complaints per person and per stage, nearest ADR limit first (reviewers and up) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Workload"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/insight": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Management figures for a date range: volumes, funnel, time to resolve, ADR, root causes, satisfaction, remedies, team
         * @description Complaints count on the London day they were received; ADR letters, referrals, decisions and declined proposals on their own day; root causes on the day the complaint closed; surveys on the day sent; remedies on the day accepted. Read from running totals kept with every change.
         */
        get: {
            parameters: {
                query?: {
                    /** @description First London date of the range (complaints by the day received); default a year before `to` */
                    from?: string;
                    /** @description Last London date of the range, included; default today */
                    to?: string;
                    /** @description Comma-separated categories */
                    category?: string;
                    /** @description Comma-separated channels the complaints came by */
                    channel?: string;
                    /** @description Comma-separated customer types */
                    customerType?: string;
                    /** @description Comma-separated furthest stages reached (deadlock: reached it at some time) */
                    stageReached?: string;
                    /** @description A user id, or `me`: the complaints they own now */
                    owner?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Insight"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/insight/report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The monthly management report, as PDF or spreadsheet
         * @description The dashboard’s figures for a month beside the month before: volumes, how far complaints went, time to resolve, ADR letters by trigger, the scheme, declined proposals, root causes, satisfaction (by stage, category and handler), remedies accepted, the improvements completed in the month and the team. The same report goes to the directors by email on the 1st of each month.
         */
        get: {
            parameters: {
                query: {
                    /** @description The month, `YYYY-MM`: a month that has begun (the current one gives the figures so far) */
                    month: string;
                    /** @description `pdf` (default) or `xlsx` */
                    format?: "pdf" | "xlsx";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The report */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/pdf": string;
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/complaints/{reference}/letters/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download a letter issued on the complaint
         * @description Exactly the PDF that was issued (its sha256 is the ETag), or its plain-text version.
         */
        get: {
            parameters: {
                query?: {
                    /** @description `pdf` (default): the letter as issued; `text`: the same letter as plain text */
                    format?: "pdf" | "text";
                };
                header?: never;
                path: {
                    /** @description Complaint Reference Number */
                    reference: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The letter: PDF, or plain text with `?format=text` */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/pdf": string;
                        "text/plain": string;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/complaints/{reference}/letters/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download one of the signed-in customer’s letters (404 for anyone else’s) */
        get: {
            parameters: {
                query?: {
                    /** @description `pdf` (default): the letter as issued; `text`: the same letter as plain text */
                    format?: "pdf" | "text";
                };
                header?: never;
                path: {
                    /** @description Complaint Reference Number */
                    reference: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The letter: PDF, or plain text with `?format=text` */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/pdf": string;
                        "text/plain": string;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/complaints/{reference}/case-file": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The ombudsman case file (ZIP)
         * @description A ZIP for the ADR scheme: `case-file.pdf` (summary of events, our position and offers, every attempt, proposal, response and step, the contact log), every email both ways as `.eml`, every letter (PDF and text), every attachment, and `complaint.json`. The export is on the audit trail.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Complaint Reference Number */
                    reference: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The case file */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/zip": string;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/print-queue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Letters to print and post
         * @description Letters for customers who prefer post or have no email address. `queued`: waiting, oldest first; `posted`: already posted, newest first.
         */
        get: {
            parameters: {
                query?: {
                    status?: "queued" | "posted";
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "queued" | "posted";
                            items: components["schemas"]["PrintQueueItem"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/print-queue/{id}/posted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark a queued letter as printed and posted */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Letter"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/attachments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download a file the customer sent: an email attachment or an upload from the portal
         * @description The stored bytes, as `attachment` with the original name (RFC 6266 `filename*`), the type the bytes were found to be, `X-Content-Type-Options: nosniff`, and the sha256 as the ETag.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The file, as stored */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/octet-stream": string;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/complaints/{reference}/uploads/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download a file the signed-in customer uploaded to their complaint (404 for anyone else’s) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Complaint Reference Number */
                    reference: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The file, as uploaded */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/octet-stream": string;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the templates offered (not archived), optionally of one purpose and offered at a stage */
        get: {
            parameters: {
                query?: {
                    /** @description reply: a message to the customer; proposal: the summary of a proposal */
                    purpose?: "reply" | "proposal";
                    stage?: "attempt-1" | "attempt-2" | "attempt-3" | "deadlock" | "closed";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["ResponseTemplate"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Add a template (admin)
         * @description Refused with 400 and `field` `body` (or `subject`) when the text uses a placeholder that does not exist.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        /**
                         * @description reply: a message to the customer; proposal: the summary of a proposal
                         * @enum {string}
                         */
                        purpose: "reply" | "proposal";
                        /** @description The stages it is offered at; empty: every stage */
                        stages: ("attempt-1" | "attempt-2" | "attempt-3" | "deadlock" | "closed")[];
                        /** @description The email subject of a reply (placeholders allowed); null for a proposal */
                        subject?: string | null;
                        /**
                         * @description The text, with placeholders from this list only: {{customer.name}}, {{complaint.reference}}, {{complaint.adrDueOn}}, {{handler.name}}, {{handler.role}}, {{stage.name}}, {{proposal.steps}}, {{company.name}}, {{company.phone}}, {{adrScheme.name}}
                         * @example Dear {{customer.name}},
                         *
                         *     Your Complaint Reference Number is {{complaint.reference}}.
                         */
                        body: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ResponseTemplate"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/templates/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a template (admin); archived templates cannot be changed */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        /**
                         * @description reply: a message to the customer; proposal: the summary of a proposal
                         * @enum {string}
                         */
                        purpose?: "reply" | "proposal";
                        /** @description The stages it is offered at; empty: every stage */
                        stages?: ("attempt-1" | "attempt-2" | "attempt-3" | "deadlock" | "closed")[];
                        /** @description The email subject of a reply (placeholders allowed); null for a proposal */
                        subject?: string | null;
                        /**
                         * @description The text, with placeholders from this list only: {{customer.name}}, {{complaint.reference}}, {{complaint.adrDueOn}}, {{handler.name}}, {{handler.role}}, {{stage.name}}, {{proposal.steps}}, {{company.name}}, {{company.phone}}, {{adrScheme.name}}
                         * @example Dear {{customer.name}},
                         *
                         *     Your Complaint Reference Number is {{complaint.reference}}.
                         */
                        body?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ResponseTemplate"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/templates/{id}/archive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Archive a template (admin): it is kept, but no longer offered */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ResponseTemplate"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/templates/placeholders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The placeholders a template may use, what each becomes, and an example value */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Placeholder"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/templates/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Fill a template’s text with example values, listing any placeholder that does not exist
         * @description Stores nothing; the admin page’s live preview.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        subject?: string | null;
                        body: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TemplatePreview"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/complaints/{reference}/templates/{id}/filled": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A template filled with this complaint’s values: the customer’s name, CRN, dates, handler… */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Complaint Reference Number */
                    reference: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FilledTemplate"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/improvements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List improvement items, newest first (or by due date), one page at a time */
        get: {
            parameters: {
                query?: {
                    /** @description Comma-separated statuses */
                    status?: string;
                    /** @description A user id, or `me` */
                    owner?: string;
                    /** @description Only items still to be worked and past their due date */
                    overdue?: "true" | "false";
                    rootCause?: string;
                    /** @description created (newest first by default) or due (soonest first) */
                    sort?: "created" | "due";
                    order?: "asc" | "desc";
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["ImprovementListItem"][];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Raise an improvement item (reviewer or director)
         * @description From a complaint or an ombudsman decision (`sourceComplaint`, linked at once; an ombudsman decision must have been recorded on it), a root-cause trend (`rootCause`; with `rootCausePeriod`, the newest 200 complaints closed in it with that cause are linked), or anything else (`other`). Refused with 400 and the `field` for a bad owner, a due date in the past, an unknown root cause or complaint; nothing is written then.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        title: string;
                        description: string;
                        /** @description An active member of staff */
                        ownerId: string;
                        /**
                         * Format: date
                         * @description Today or later
                         * @example 2026-11-30
                         */
                        dueOn: string;
                        rootCause?: string | null;
                        /**
                         * @description complaint and ombudsman-decision name the complaint (`sourceComplaint`); root-cause-trend needs `rootCause`
                         * @enum {string}
                         */
                        source: "complaint" | "root-cause-trend" | "ombudsman-decision" | "other";
                        /**
                         * @description Complaint Reference Number
                         * @example MISO-26-000123-C
                         */
                        sourceComplaint?: string;
                        /** @description Further complaints that showed the problem (the source complaint is linked anyway) */
                        complaints?: string[];
                        /** @description Only with a root-cause trend: the period (London dates, both included, at most 731 days) whose complaints closed with the root cause, or a cause under it, are linked too — the newest 200 */
                        rootCausePeriod?: {
                            /**
                             * Format: date
                             * @example 2026-11-30
                             */
                            from: string;
                            /**
                             * Format: date
                             * @example 2026-11-30
                             */
                            to: string;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Improvement"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/improvements/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How many items are still to be worked, and how many of them are overdue (the dashboard) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ImprovementSummary"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/improvements/done": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The items marked done in a month (UK time), in the order they were done: what was fixed */
        get: {
            parameters: {
                query: {
                    month: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /**
                                 * @description The improvement item’s reference
                                 * @example IMP-0042
                                 */
                                reference: string;
                                title: string;
                                description: string;
                                owner: {
                                    id: string;
                                    name: string;
                                };
                                /**
                                 * Format: date
                                 * @example 2026-11-30
                                 */
                                dueOn: string;
                                /**
                                 * @description open and in-progress items are still to be worked (and can be overdue); done needs actionTaken
                                 * @enum {string}
                                 */
                                status: "open" | "in-progress" | "done" | "dropped";
                                /** @description Still to be worked and past its due date (UK time, today) */
                                overdue: boolean;
                                actionTaken: string | null;
                                rootCause: string | null;
                                /**
                                 * @description complaint and ombudsman-decision name the complaint (`sourceComplaint`); root-cause-trend needs `rootCause`
                                 * @enum {string}
                                 */
                                source: "complaint" | "root-cause-trend" | "ombudsman-decision" | "other";
                                sourceComplaint: string | null;
                                createdBy: string;
                                /**
                                 * Format: date-time
                                 * @example 2026-11-28T10:15:00Z
                                 */
                                createdAt: string;
                                /**
                                 * Format: date-time
                                 * @example 2026-11-28T10:15:00Z
                                 */
                                updatedAt: string;
                                /** @description When it was last marked done or dropped */
                                closedAt: string | null;
                                complaints: string[];
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/improvements/{reference}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An improvement item with the complaints that showed the problem */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The improvement item’s reference */
                    reference: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ImprovementDetail"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change an item (reviewer or director); its owner may change `status` and `actionTaken`
         * @description Marking it `done` needs `actionTaken` (given now or before): refused with 400 and `field` `actionTaken` otherwise. Done or dropped sets `closedAt`; opening it again clears it.
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The improvement item’s reference */
                    reference: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        title?: string;
                        description?: string;
                        ownerId?: string;
                        /**
                         * Format: date
                         * @example 2026-11-30
                         */
                        dueOn?: string;
                        rootCause?: string | null;
                        /**
                         * @description open and in-progress items are still to be worked (and can be overdue); done needs actionTaken
                         * @enum {string}
                         */
                        status?: "open" | "in-progress" | "done" | "dropped";
                        actionTaken?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Improvement"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/improvements/{reference}/complaints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** List a further complaint on the item (reviewer or director); linking it again does nothing */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The improvement item’s reference */
                    reference: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description Complaint Reference Number
                         * @example MISO-26-000123-C
                         */
                        reference: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ImprovementDetail"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/improvements/{reference}/complaints/{complaintReference}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Take a complaint off the item (reviewer or director) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The improvement item’s reference */
                    reference: string;
                    /** @description Complaint Reference Number */
                    complaintReference: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ImprovementDetail"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/complaints/{reference}/improvements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The improvement items that list this complaint, newest first */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Complaint Reference Number */
                    reference: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Improvement"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description RFC 9457 problem details, with a stable `code` */
        ProblemInput: {
            type: string;
            title: string;
            status: number;
            detail: string;
            code: string;
            field?: string;
            errors?: {
                field: string;
                message: string;
            }[];
            allowed?: string[];
        };
        UploadInputInput: {
            /** @description The name on the customer’s computer, e.g. `bill.pdf` */
            filename: string;
            /** @description What the browser says it is; may be empty. The bytes decide, and must agree. */
            contentType?: string;
            /**
             * Format: base64
             * @description The file’s bytes, base64
             */
            content: string;
        };
        AttachmentInput: {
            /** @description Download it from /attachments/{id} */
            id: string;
            /**
             * @description Uploaded by the customer in the portal, came by email, or sent to the customer with a reply
             * @enum {string}
             */
            source: "upload" | "email" | "sent";
            filename: string;
            /** @description The type its bytes are */
            contentType: string;
            sizeBytes: number;
            sha256: string;
            receivedAt: string;
            /** @description The email it came with */
            emailId: string | null;
        };
        PortalFileInput: {
            /** @description Download it from /portal/complaints/{reference}/uploads/{id} */
            id: string;
            filename: string;
            contentType: string;
            sizeBytes: number;
            uploadedAt: string;
            /** @description We sent it with a reply; false: the customer uploaded it */
            sentByUs: boolean;
        };
        NewComplaintInput: {
            customer: {
                id: string;
            } | {
                name: string;
                /** Format: email */
                email?: string;
                phone?: string;
                /**
                 * @description Only residential and small business / not-for-profit customers can use ADR
                 * @enum {string}
                 */
                type?: "residential" | "small-business" | "not-for-profit" | "large-business";
                addressLines?: string[];
                postcode?: string;
                needs?: {
                    largePrint?: boolean;
                    braille?: boolean;
                    textRelay?: boolean;
                };
                /** @enum {string} */
                preferredChannel?: "phone" | "email" | "web" | "letter" | "textphone" | "in-person";
                vulnerabilityNotes?: string;
                /** @description The customer asked not to be contacted beyond what their complaint needs: no satisfaction survey. A change is audited */
                contactOptOut?: boolean;
            };
            /** @enum {string} */
            channel: "phone" | "email" | "web" | "letter" | "textphone" | "in-person";
            /** @description What happened: the customer’s message, or staff’s account of what the customer said */
            description: string;
            /** @description What the customer said, in their own words, when `description` is staff’s account; letters quote this to the customer */
            customerWords?: string;
            /** @enum {string} */
            category?: "billing" | "service-quality" | "customer-service" | "contract" | "equipment" | "other";
            /** @description The customer asked for a formal complaint (a record, not a gate) */
            formal?: boolean;
            /** @description What the customer wants done */
            desiredOutcome?: string;
            /**
             * Format: date-time
             * @description When the customer first expressed dissatisfaction (starts the ADR clock); default now
             * @example 2026-11-28T10:15:00Z
             */
            firstExpressedAt?: string;
            /** @description A member of staff, or null: nobody (it waits in its stage’s queue). Default: the member of staff recording it */
            ownerId?: string | null;
        };
        CustomerInput: {
            id: string;
            name: string;
            email: string | null;
            phone: string | null;
            /** @enum {string} */
            type: "residential" | "small-business" | "not-for-profit" | "large-business";
            addressLines: string[];
            postcode: string | null;
            needs: {
                largePrint: boolean;
                braille: boolean;
                textRelay: boolean;
            };
            preferredChannel: ("phone" | "email" | "web" | "letter" | "textphone" | "in-person") | null;
            vulnerabilityNotes: string | null;
            /** @description Asked not to be contacted beyond what their complaint needs (no satisfaction survey) */
            contactOptOut: boolean;
            createdAt: string;
            updatedAt: string;
            /** @description Set when this record was merged into another (intoId): it is kept only as a pointer */
            merged: {
                intoId: string;
                at: string;
            } | null;
        };
        LetterInput: {
            id: string;
            complaintId: string;
            /** @description acknowledgement, proposal, escalation, closure, adr-letter-deadlock, adr-letter-time-limit */
            kind: string;
            title: string;
            filename: string;
            contentType: string;
            sizeBytes: number;
            /** @description Of the PDF as issued */
            sha256: string;
            largePrint: boolean;
            pages: number;
            /**
             * Format: date
             * @example 2026-11-30
             */
            issuedOn: string;
            /**
             * @description Attached to an email, or printed and posted
             * @enum {string}
             */
            delivery: "email" | "post";
            printStatus: ("queued" | "posted") | null;
            postedAt: string | null;
            postedBy: string | null;
            createdAt: string;
        };
        RemedyInput: {
            id: string;
            /** @enum {string} */
            source: "proposal" | "ombudsman";
            /** @description The attempt whose proposal offered it */
            attemptNumber: number | null;
            /** @enum {string} */
            type: "apology" | "explanation" | "practical-action" | "credit-refund" | "goodwill";
            /** @description For credit-refund and goodwill, pence VAT included */
            amountPence: number | null;
            recordedAt: string;
            /** @description When the customer agreed the proposal or accepted the decision */
            acceptedAt: string | null;
        };
        ComplaintCustomerInput: {
            id: string;
            name: string;
            email: string | null;
            phone: string | null;
            /** @enum {string} */
            type: "residential" | "small-business" | "not-for-profit" | "large-business";
            addressLines: string[];
            postcode: string | null;
            needs: {
                largePrint: boolean;
                braille: boolean;
                textRelay: boolean;
            };
            preferredChannel: ("phone" | "email" | "web" | "letter" | "textphone" | "in-person") | null;
            vulnerabilityNotes: string | null;
            /** @description Asked not to be contacted beyond what their complaint needs (no satisfaction survey) */
            contactOptOut: boolean;
            createdAt: string;
            updatedAt: string;
            /** @description Set when this record was merged into another (intoId): it is kept only as a pointer */
            merged: {
                intoId: string;
                at: string;
            } | null;
            /** @description The customer’s other complaints, newest first, at most 20 */
            otherComplaints: {
                /**
                 * @description Complaint Reference Number
                 * @example MISO-26-000123-C
                 */
                reference: string;
                /** @enum {string} */
                stage: "initiation" | "attempt-1" | "attempt-2" | "attempt-3" | "deadlock" | "closed";
                stageName: string;
                receivedAt: string;
            }[];
        };
        ComplaintInput: {
            id: string;
            /**
             * @description Complaint Reference Number
             * @example MISO-26-000123-C
             */
            reference: string;
            version: number;
            /** @enum {string} */
            stage: "initiation" | "attempt-1" | "attempt-2" | "attempt-3" | "deadlock" | "closed";
            stageName: string;
            /** @description Where the current attempt is in its cycle */
            phase: ("review" | "reviewed" | "awaiting-response" | "implementing" | "follow-up" | "chasing" | "ended") | null;
            open: boolean;
            owner: {
                id: string;
                name: string;
            } | null;
            /** @description The role the complaint waits for, unassigned in its stage’s queue (“Needs a reviewer”); null when someone owns it */
            needs: ("agent" | "reviewer" | "director" | "admin") | null;
            customer: components["schemas"]["ComplaintCustomerInput"] | null;
            /** @enum {string} */
            channel: "phone" | "email" | "web" | "letter" | "textphone" | "in-person";
            /** @enum {string} */
            category: "billing" | "service-quality" | "customer-service" | "contract" | "equipment" | "other";
            description: string;
            /** @description The customer’s own words, quoted in letters */
            customerWords: string | null;
            desiredOutcome: string | null;
            formal: boolean;
            firstExpressedAt: string;
            receivedAt: string;
            /**
             * Format: date
             * @example 2026-11-30
             */
            acknowledgeBy: string;
            attempts: {
                number: number;
                /** @enum {string} */
                phase: "review" | "reviewed" | "awaiting-response" | "implementing" | "follow-up" | "chasing" | "ended";
                openedAt: string;
                handlerId: string | null;
                handler: {
                    id: string;
                    name: string;
                } | null;
                review: {
                    findings: string;
                    recordedAt: string;
                    recordedBy: string | null;
                } | null;
                proposal: {
                    summary: string;
                    proposedAt: string;
                    proposedBy: string | null;
                    steps: {
                        id: string;
                        description: string;
                        ownerId: string | null;
                        owner: {
                            id: string;
                            name: string;
                        } | null;
                        /**
                         * Format: date
                         * @example 2026-11-30
                         */
                        dueOn: string;
                        completedAt: string | null;
                        completedBy: string | null;
                        note: string | null;
                        overdue: boolean;
                    }[];
                } | null;
                response: {
                    /** @enum {string} */
                    outcome: "agreed" | "declined";
                    note: string | null;
                    recordedAt: string;
                } | null;
                followUp: {
                    /** @enum {string} */
                    outcome: "satisfied" | "not-satisfied" | "no-response";
                    note: string | null;
                    recordedAt: string;
                } | null;
                followUpDueOn: string | null;
                outcome: ("resolved" | "escalated" | "deadlock" | "withdrawn") | null;
                endedAt: string | null;
                escalationReason: string | null;
            }[];
            adr: {
                /** @description Residential and small business / not-for-profit customers can use ADR */
                eligible: boolean;
                /**
                 * Format: date
                 * @description When the time-limit ADR letter is due
                 * @example 2026-11-30
                 */
                dueOn: string;
                daysLeft: number;
                warningsOn: string[];
                letters: {
                    id: string;
                    /** @enum {string} */
                    trigger: "deadlock" | "time-limit";
                    issuedAt: string;
                    /**
                     * Format: date
                     * @example 2026-11-30
                     */
                    issuedOn: string;
                    /**
                     * Format: date
                     * @description Last day the customer can take the complaint to the scheme
                     * @example 2026-11-30
                     */
                    windowEndsOn: string;
                }[];
                scheme: string;
            };
            referral: {
                /**
                 * @description With the scheme; decided, awaiting the customer; accepted; not accepted; remedy done
                 * @enum {string}
                 */
                status: "referred" | "awaiting-customer" | "accepted" | "not-accepted" | "implemented";
                schemeCaseReference: string;
                /**
                 * Format: date
                 * @example 2026-11-30
                 */
                referredOn: string;
                caseFeePence: number | null;
                decision: {
                    /** @enum {string} */
                    outcome: "upheld" | "partly-upheld" | "not-upheld" | "settled";
                    /**
                     * Format: date
                     * @example 2026-11-30
                     */
                    decidedOn: string;
                    remedy: {
                        apology: boolean;
                        explanation: boolean;
                        action: string | null;
                        awardPence: number;
                    };
                    customerAccepted: boolean | null;
                    /** @description When an accepted remedy must be implemented */
                    remedyDueOn: string | null;
                    implementedOn: string | null;
                } | null;
            } | null;
            /**
             * @description The highest stage the complaint reached (deadlock once declared)
             * @enum {string}
             */
            stageReached: "initiation" | "attempt-1" | "attempt-2" | "attempt-3" | "deadlock";
            /** @description Whether staff closing it must give a root cause (the procedure’s rootCauseRequiredAt names its stage reached) */
            rootCauseRequired: boolean;
            closure: {
                reason: string;
                closedAt: string;
                /** @description A code of the procedure’s root-cause tree */
                rootCause: string | null;
                /** @description The root cause as staff read it: “Parent › Child” */
                rootCauseLabel: string | null;
                lessons: string | null;
            } | null;
            /** @description Remedies offered in proposals and ordered by the ombudsman, oldest first */
            remedies: components["schemas"]["RemedyInput"][];
            /** @description The satisfaction survey put at closure; null when none was (not closed, or the customer opted out) */
            satisfaction: {
                /** @description When the survey was put to the customer (at closure) */
                sentAt: string;
                answeredAt: string | null;
                /** @description 1 very dissatisfied … 5 very satisfied; never changed once given */
                score: number | null;
                comment: string | null;
                /** @enum {string} */
                stageReached: "initiation" | "attempt-1" | "attempt-2" | "attempt-3" | "deadlock";
            } | null;
            contacts: {
                id: string;
                /** @enum {string} */
                channel: "phone" | "email" | "web" | "letter" | "textphone" | "in-person";
                /** @enum {string} */
                direction: "in" | "out";
                summary: string;
                occurredAt: string;
                recordedBy: string | null;
                /** @description Whether the customer sees the summary in the portal */
                visibleToCustomer: boolean;
            }[];
            /** @description Letters issued, oldest first; download each by its id */
            documents: components["schemas"]["LetterInput"][];
            /** @description Files the customer sent (portal uploads and email attachments), oldest first */
            attachments: components["schemas"]["AttachmentInput"][];
            notes: {
                id: string;
                text: string;
                authorId: string | null;
                createdAt: string;
            }[];
            timeline: {
                at: string;
                /** @enum {string} */
                kind: "event" | "contact" | "note" | "email";
                type: string;
                actor: string | null;
                summary: string;
                details: unknown;
            }[];
            /** @description The commands the caller may issue now */
            nextActions: ("not-practical" | "record-review" | "propose" | "record-response" | "complete-step" | "record-follow-up" | "escalate" | "declare-deadlock" | "record-referral" | "record-ombudsman-outcome" | "record-case-fee" | "withdraw" | "close" | "record-root-cause" | "assign" | "take" | "log-contact" | "add-note" | "reply" | "issue-time-limit-adr-letter" | "close-no-response" | "close-adr-window-expired")[];
        };
        RecoveryCodesInput: {
            /** @description Ten single-use recovery codes, each good for one sign-in without the authenticator. Shown this once: only their hashes are kept */
            recoveryCodes: string[];
        };
        SessionInput: {
            id: string;
            createdAt: string;
            /** @description Recorded at most once a minute */
            lastSeenAt: string;
            /** @description When it ends unless used again: the earlier of the idle limit and the absolute limit */
            expiresAt: string;
            /** @description Browser and system, as its User-Agent said when it signed in */
            device: string;
            ip: string | null;
            /** @description The session this request came with */
            current: boolean;
        };
        UserInput: {
            id: string;
            email: string;
            name: string;
            roles: ("agent" | "reviewer" | "director" | "admin")[];
            active: boolean;
            createdAt: string;
            /** @description The password was set by someone else (first start, an admin): a session signed in with it can only change it (POST /auth/password), read /auth/me and sign out */
            mustChangePassword: boolean;
        };
        SignedInInput: {
            user: components["schemas"]["UserInput"];
            expiresAt: string;
        };
        CustomerFacingPreviewInput: {
            items: {
                /** @description reply, proposal, escalation, follow-up, closure, adr-letter */
                kind: string;
                /** @enum {string} */
                delivery: "email" | "post";
                email: {
                    subject: string;
                    text: string;
                } | null;
                letter: {
                    title: string;
                    /** @description The letter as plain text, word for word as the PDF */
                    text: string;
                    pages: number;
                    /** @description The PDF, base64 */
                    pdf: string;
                } | null;
            }[];
        };
        /** @description An item of the improvement log */
        ImprovementInput: {
            /**
             * @description The improvement item’s reference
             * @example IMP-0042
             */
            reference: string;
            title: string;
            description: string;
            owner: {
                id: string;
                name: string;
            };
            /**
             * Format: date
             * @example 2026-11-30
             */
            dueOn: string;
            /**
             * @description open and in-progress items are still to be worked (and can be overdue); done needs actionTaken
             * @enum {string}
             */
            status: "open" | "in-progress" | "done" | "dropped";
            /** @description Still to be worked and past its due date (UK time, today) */
            overdue: boolean;
            actionTaken: string | null;
            rootCause: string | null;
            /**
             * @description complaint and ombudsman-decision name the complaint (`sourceComplaint`); root-cause-trend needs `rootCause`
             * @enum {string}
             */
            source: "complaint" | "root-cause-trend" | "ombudsman-decision" | "other";
            sourceComplaint: string | null;
            createdBy: string;
            /**
             * Format: date-time
             * @example 2026-11-28T10:15:00Z
             */
            createdAt: string;
            /**
             * Format: date-time
             * @example 2026-11-28T10:15:00Z
             */
            updatedAt: string;
            /** @description When it was last marked done or dropped */
            closedAt: string | null;
        };
        ImprovementListItemInput: {
            /**
             * @description The improvement item’s reference
             * @example IMP-0042
             */
            reference: string;
            title: string;
            description: string;
            owner: {
                id: string;
                name: string;
            };
            /**
             * Format: date
             * @example 2026-11-30
             */
            dueOn: string;
            /**
             * @description open and in-progress items are still to be worked (and can be overdue); done needs actionTaken
             * @enum {string}
             */
            status: "open" | "in-progress" | "done" | "dropped";
            /** @description Still to be worked and past its due date (UK time, today) */
            overdue: boolean;
            actionTaken: string | null;
            rootCause: string | null;
            /**
             * @description complaint and ombudsman-decision name the complaint (`sourceComplaint`); root-cause-trend needs `rootCause`
             * @enum {string}
             */
            source: "complaint" | "root-cause-trend" | "ombudsman-decision" | "other";
            sourceComplaint: string | null;
            createdBy: string;
            /**
             * Format: date-time
             * @example 2026-11-28T10:15:00Z
             */
            createdAt: string;
            /**
             * Format: date-time
             * @example 2026-11-28T10:15:00Z
             */
            updatedAt: string;
            /** @description When it was last marked done or dropped */
            closedAt: string | null;
            complaintCount: number;
        };
        /** @description An item with the complaints that showed the problem */
        ImprovementDetailInput: {
            /**
             * @description The improvement item’s reference
             * @example IMP-0042
             */
            reference: string;
            title: string;
            description: string;
            owner: {
                id: string;
                name: string;
            };
            /**
             * Format: date
             * @example 2026-11-30
             */
            dueOn: string;
            /**
             * @description open and in-progress items are still to be worked (and can be overdue); done needs actionTaken
             * @enum {string}
             */
            status: "open" | "in-progress" | "done" | "dropped";
            /** @description Still to be worked and past its due date (UK time, today) */
            overdue: boolean;
            actionTaken: string | null;
            rootCause: string | null;
            /**
             * @description complaint and ombudsman-decision name the complaint (`sourceComplaint`); root-cause-trend needs `rootCause`
             * @enum {string}
             */
            source: "complaint" | "root-cause-trend" | "ombudsman-decision" | "other";
            sourceComplaint: string | null;
            createdBy: string;
            /**
             * Format: date-time
             * @example 2026-11-28T10:15:00Z
             */
            createdAt: string;
            /**
             * Format: date-time
             * @example 2026-11-28T10:15:00Z
             */
            updatedAt: string;
            /** @description When it was last marked done or dropped */
            closedAt: string | null;
            complaints: {
                /**
                 * @description Complaint Reference Number
                 * @example MISO-26-000123-C
                 */
                reference: string;
                /** @enum {string} */
                stage: "initiation" | "attempt-1" | "attempt-2" | "attempt-3" | "deadlock" | "closed";
                stageName: string;
                category: string;
                /**
                 * Format: date-time
                 * @example 2026-11-28T10:15:00Z
                 */
                receivedAt: string;
                rootCause: string | null;
                /**
                 * Format: date-time
                 * @example 2026-11-28T10:15:00Z
                 */
                linkedAt: string;
                linkedBy: {
                    id: string;
                    name: string;
                };
            }[];
        };
        ImprovementSummaryInput: {
            /** @description Items open or in progress */
            open: number;
            /** @description Of those, the ones past their due date */
            overdue: number;
        };
        InsightInput: {
            /**
             * Format: date
             * @example 2026-11-30
             */
            from: string;
            /**
             * Format: date
             * @example 2026-11-30
             */
            to: string;
            /**
             * @description Weeks (Monday first) up to 13 weeks, months beyond
             * @enum {string}
             */
            granularity: "week" | "month";
            /** @description Complaints received in the range */
            received: number;
            /** @description The procedure’s `customerCount`; null when not set, and the per-customer figures too */
            customerCount: number | null;
            perThousandCustomers: number | null;
            /** @description Ofcom’s figure */
            perHundredThousandCustomers: number | null;
            volumes: {
                /** @description The week’s Monday (YYYY-MM-DD) or the month (YYYY-MM) */
                period: string;
                total: number;
                byCategory: {
                    billing: number;
                    "service-quality": number;
                    "customer-service": number;
                    contract: number;
                    equipment: number;
                    other: number;
                };
                byChannel: {
                    phone: number;
                    email: number;
                    web: number;
                    letter: number;
                    textphone: number;
                    "in-person": number;
                };
            }[];
            /** @description Complaints received in the range by where they ended: resolved at each attempt, withdrawn, reached deadlock, decided by the scheme after a time-limit letter, or still open */
            funnel: {
                open: number;
                "resolved-attempt-1": number;
                "resolved-attempt-2": number;
                "resolved-attempt-3": number;
                withdrawn: number;
                deadlock: number;
                "decided-by-scheme": number;
            };
            attempts: {
                attempt: 1 | 2 | 3;
                /** @description Attempts of those complaints that ended */
                ended: number;
                /** @description Median calendar days from opening to end */
                medianDays: number | null;
            }[];
            /** @description Complaints closed as resolved, by first expression to closure: within 1 week, within the ADR limit (6 weeks; 8 for complaints first raised before 2026-04-08) but over a week, later; and those not resolved (open, withdrawn, deadlocked) */
            timeToResolve: {
                week: number;
                "adr-limit": number;
                later: number;
                notResolved: number;
            };
            adrLetters: {
                deadlock: number;
                /** @description Issued because the ADR limit passed: a failure of the procedure */
                timeLimit: number;
                byPeriod: {
                    period: string;
                    deadlock: number;
                    timeLimit: number;
                }[];
            };
            referrals: {
                referred: number;
                outcomes: {
                    /** @description Upheld in full or in part */
                    upheld: number;
                    partlyUpheld: number;
                    notUpheld: number;
                    settled: number;
                };
                caseFeesPaid: number;
                caseFeesPence: number;
                /** @description Accepted remedies past their date and not done, today */
                remediesOverdue: number;
            };
            declinedProposals: {
                /** @enum {string} */
                category: "billing" | "service-quality" | "customer-service" | "contract" | "equipment" | "other";
                declined: number;
            }[];
            /** @description Root causes by the tree’s top level, counted on the day each complaint closed, most recorded first, beside the period before */
            rootCauses: {
                /**
                 * Format: date
                 * @description First day of the period of the same length just before the range
                 * @example 2026-11-30
                 */
                previousFrom: string;
                /**
                 * Format: date
                 * @example 2026-11-30
                 */
                previousTo: string;
                /** @description Complaints closed in the range with a root cause */
                recorded: number;
                previousRecorded: number;
                causes: {
                    code: string;
                    label: string;
                    count: number;
                    /** @description In the period before */
                    previous: number;
                    byCategory: {
                        billing: number;
                        "service-quality": number;
                        "customer-service": number;
                        contract: number;
                        equipment: number;
                        other: number;
                    };
                    byChannel: {
                        phone: number;
                        email: number;
                        web: number;
                        letter: number;
                        textphone: number;
                        "in-person": number;
                    };
                    /** @description The codes recorded under this cause (its own code too, when recorded as it is) */
                    detail: {
                        code: string;
                        label: string;
                        count: number;
                        /** @description In the period before */
                        previous: number;
                    }[];
                }[];
            };
            /** @description The satisfaction survey of the complaints closed in the range: counted on the day it was sent (at closure), answers with their survey; customers who asked not to be contacted get none */
            satisfaction: {
                /** @description Surveys put to customers */
                sent: number;
                answered: number;
                /** @description Answered ÷ sent (0–1, four places); null when none sent */
                responseRate: number | null;
                /** @description Mean score, 1 (very dissatisfied) to 5; null when none */
                averageScore: number | null;
                byStageReached: {
                    /** @description Surveys put to customers */
                    sent: number;
                    answered: number;
                    /** @description Answered ÷ sent (0–1, four places); null when none sent */
                    responseRate: number | null;
                    /** @description Mean score, 1 (very dissatisfied) to 5; null when none */
                    averageScore: number | null;
                    /** @enum {string} */
                    stageReached: "initiation" | "attempt-1" | "attempt-2" | "attempt-3" | "deadlock";
                }[];
                byCategory: {
                    /** @description Surveys put to customers */
                    sent: number;
                    answered: number;
                    /** @description Answered ÷ sent (0–1, four places); null when none sent */
                    responseRate: number | null;
                    /** @description Mean score, 1 (very dissatisfied) to 5; null when none */
                    averageScore: number | null;
                    /** @enum {string} */
                    category: "billing" | "service-quality" | "customer-service" | "contract" | "equipment" | "other";
                }[];
                /** @description By the complaint’s owner (its handler at closure); narrowed by the range and `owner`, not by the other filters */
                byHandler: {
                    /** @description Surveys put to customers */
                    sent: number;
                    answered: number;
                    /** @description Answered ÷ sent (0–1, four places); null when none sent */
                    responseRate: number | null;
                    /** @description Mean score, 1 (very dissatisfied) to 5; null when none */
                    averageScore: number | null;
                    /** @description Null: nobody owned the complaints */
                    person: {
                        id: string;
                        name: string;
                    } | null;
                }[];
            };
            /** @description Remedies the customer accepted in the range (agreed proposals, accepted ombudsman decisions), on the day accepted; money in pence */
            remedies: {
                count: number;
                pence: number;
                byType: {
                    /** @enum {string} */
                    type: "apology" | "explanation" | "practical-action" | "credit-refund" | "goodwill";
                    count: number;
                    pence: number;
                }[];
            };
            /** @description Today, whatever the range */
            team: {
                /** @description Null: nobody owns them */
                person: {
                    id: string;
                    name: string;
                } | null;
                open: number;
                overdueSteps: number;
                followUpsWaiting: number;
            }[];
        };
        SatisfactionSurveyInput: {
            /**
             * @description Complaint Reference Number
             * @example MISO-26-000123-C
             */
            reference: string;
            company: string;
            /** @description The one question, in the words the customer sees */
            question: string;
            answered: boolean;
            /** @description The answer, once given; never changed after */
            score: number | null;
            comment: string | null;
        };
        PortalComplaintInput: {
            /**
             * @description Complaint Reference Number
             * @example MISO-26-000123-C
             */
            reference: string;
            /** @description Where the complaint stands, in plain words */
            status: string;
            stageName: string;
            open: boolean;
            receivedAt: string;
            description: string;
            /** @description Null once the complaint is closed */
            nextStep: {
                /** @description What happens next and by when, in plain words (dates written out) */
                text: string;
                /** @description The date the text names, if any */
                by: string | null;
            } | null;
            /** @description Null for a closed complaint that had no ADR letter */
            adr: {
                /** @description From when the customer may take the complaint to the ADR scheme (the ombudsman): the ADR time limit, or the ADR letter’s date; null for a customer type the schemes do not take */
                from: string | null;
                /** @description The same, in plain words */
                text: string;
            } | null;
            proposal: {
                summary: string;
                steps: {
                    description: string;
                    /**
                     * Format: date
                     * @example 2026-11-30
                     */
                    dueOn: string;
                    done: boolean;
                }[];
            } | null;
            adrLetters: {
                /** @enum {string} */
                trigger: "deadlock" | "time-limit";
                /**
                 * Format: date
                 * @example 2026-11-30
                 */
                issuedOn: string;
                /**
                 * Format: date
                 * @example 2026-11-30
                 */
                windowEndsOn: string;
            }[];
            /** @description Letters we sent; download each from /portal/complaints/{reference}/letters/{id} */
            letters: {
                id: string;
                title: string;
                /**
                 * Format: date
                 * @example 2026-11-30
                 */
                issuedOn: string;
                pages: number;
                largePrint: boolean;
                sizeBytes: number;
            }[];
            /** @description Files the customer uploaded, oldest first */
            files: components["schemas"]["PortalFileInput"][];
            timeline: {
                at: string;
                /** @enum {string} */
                kind: "update" | "from-you" | "from-us";
                text: string;
            }[];
            /** @description The satisfaction survey put at closure (answer it at /portal/complaints/{reference}/satisfaction); null when none was */
            satisfaction: {
                question: string;
                answered: boolean;
                score: number | null;
                comment: string | null;
            } | null;
            /** @description What the customer can do now */
            actions: ("respond" | "follow-up" | "add-information")[];
        };
        OnlineComplaintInput: {
            name: string;
            /**
             * Format: email
             * @description Email and/or phone: at least one, so that we can reply
             */
            email?: string;
            phone?: string;
            addressLines?: string[];
            postcode?: string;
            /**
             * @description Only residential and small business / not-for-profit (10 or fewer workers) customers can use ADR
             * @enum {string}
             */
            customerType: "residential" | "small-business" | "not-for-profit" | "large-business";
            /** @enum {string} */
            category: "billing" | "service-quality" | "customer-service" | "contract" | "equipment" | "other";
            whatHappened: string;
            whatYouWant?: string;
            /**
             * Format: date
             * @description The day they first complained about this, if before today (starts the ADR clock)
             * @example 2026-11-30
             */
            firstComplainedOn?: string;
            needs?: {
                largePrint?: boolean;
                braille?: boolean;
                textRelay?: boolean;
            };
            /** @description Anything that makes it harder to deal with us, in the customer’s words */
            support?: string;
            /** @description The customer asks for a formal complaint */
            formal: boolean;
            /** @description Files that show what happened: PDF, PNG, JPEG, GIF, WebP, HEIC, plain text and office documents, at most 20, 5.0 MB each and MAIL_MAX_BYTES (10 MB by default) in all. A file whose bytes are not the type its name and content type say (an executable renamed `.png`) is refused with a 400 naming it (`attachments.0`), and then nothing is stored. */
            attachments?: components["schemas"]["UploadInputInput"][];
        };
        /** @description A response template (a “macro”) staff start a reply or proposal from */
        ResponseTemplateInput: {
            id: string;
            name: string;
            /**
             * @description reply: a message to the customer; proposal: the summary of a proposal
             * @enum {string}
             */
            purpose: "reply" | "proposal";
            stages: ("attempt-1" | "attempt-2" | "attempt-3" | "deadlock" | "closed")[];
            subject: string | null;
            body: string;
            /**
             * Format: date-time
             * @example 2026-11-28T10:15:00Z
             */
            createdAt: string;
            /**
             * Format: date-time
             * @example 2026-11-28T10:15:00Z
             */
            updatedAt: string;
            archivedAt: string | null;
        };
        /** @description A template filled with one complaint’s values */
        FilledTemplateInput: {
            templateId: string;
            name: string;
            /**
             * @description reply: a message to the customer; proposal: the summary of a proposal
             * @enum {string}
             */
            purpose: "reply" | "proposal";
            /** @description The filled subject; null for a proposal template */
            subject: string | null;
            /** @description The filled text, ready to edit and send */
            body: string;
        };
        TemplatePreviewInput: {
            subject: string | null;
            body: string;
            /** @description Names written between {{ }} that are not placeholders: saving would be refused */
            unknownPlaceholders: string[];
        };
        PlaceholderInput: {
            name: string;
            /** @example {{customer.name}} */
            written: string;
            description: string;
            example: string;
        };
        /** @description A personal API token, without its secret */
        ApiTokenInput: {
            id: string;
            /** @description What the token is for, as its holder named it */
            name: string;
            userId: string;
            ownerName: string;
            ownerEmail: string;
            /**
             * Format: date-time
             * @example 2026-11-28T10:15:00Z
             */
            createdAt: string;
            /** @description When it was last used, to the minute (recorded at most once a minute) */
            lastUsedAt: string | null;
            /** @description When it stops working (401 after); null: never */
            expiresAt: string | null;
            /**
             * @description full: all its holder may; read: GET only; commands:a,b: reading and those procedure commands. Outside it: 403 `token-scope`
             * @example commands:log-contact,add-note
             */
            scope: string;
        };
        CreatedApiTokenInput: {
            id: string;
            /** @description What the token is for, as its holder named it */
            name: string;
            userId: string;
            ownerName: string;
            ownerEmail: string;
            /**
             * Format: date-time
             * @example 2026-11-28T10:15:00Z
             */
            createdAt: string;
            /** @description When it was last used, to the minute (recorded at most once a minute) */
            lastUsedAt: string | null;
            /** @description When it stops working (401 after); null: never */
            expiresAt: string | null;
            /**
             * @description full: all its holder may; read: GET only; commands:a,b: reading and those procedure commands. Outside it: 403 `token-scope`
             * @example commands:log-contact,add-note
             */
            scope: string;
            /**
             * @description The token itself, to send as Authorization: Bearer. Shown in this answer only.
             * @example rdr_…
             */
            token: string;
        };
        StaffMemberInput: {
            id: string;
            email: string;
            name: string;
            roles: ("agent" | "reviewer" | "director" | "admin")[];
            active: boolean;
            createdAt: string;
            /** @description The password was set by someone else (first start, an admin): a session signed in with it can only change it (POST /auth/password), read /auth/me and sign out */
            mustChangePassword: boolean;
            /** @description Until when failed password sign-ins lock them out (5 in a row: a minute, doubling each time to an hour); null when they are not. Shown to admins only: null to anyone else */
            lockedUntil: string | null;
            /** @description Whether 2-step verification (an authenticator app) is on for their password sign-in. Shown to admins only: null to anyone else */
            twoStep: boolean | null;
        };
        WorkloadInput: {
            stages: {
                /** @enum {string} */
                id: "initiation" | "attempt-1" | "attempt-2" | "attempt-3" | "deadlock";
                name: string;
            }[];
            rows: {
                /** @description Null for the complaints nobody owns yet */
                person: {
                    id: string;
                    name: string;
                    roles: ("agent" | "reviewer" | "director" | "admin")[];
                    active: boolean;
                } | null;
                byStage: {
                    initiation: number;
                    "attempt-1": number;
                    "attempt-2": number;
                    "attempt-3": number;
                    deadlock: number;
                };
                open: number;
                /** @description Agreed steps they own that are past their date */
                overdueSteps: number;
                /** @description The nearest ADR limit among their open complaints without an ADR letter */
                nextAdrDueOn: string | null;
                adrDaysLeft: number | null;
            }[];
        };
        SecondFactorStatusInput: {
            enabled: boolean;
            /** @description Your role requires it (MFA_REQUIRED_ROLES): it cannot be turned off */
            required: boolean;
            recoveryCodesLeft: number;
        };
        SecondFactorSetupInput: {
            /** @description Base32, to type into an app that cannot scan the QR code */
            secret: string;
            /** @description The otpauth:// URI the QR code holds */
            uri: string;
            /** @description The QR code, an SVG data URL */
            qrCode: string;
        };
        SecondStepNeededInput: {
            secondStep: {
                /** @description For POST /auth/login/second-step: one use, five minutes */
                ticket: string;
                expiresAt: string;
            };
        };
        MeInput: {
            id: string;
            email: string;
            name: string;
            roles: ("agent" | "reviewer" | "director" | "admin")[];
            active: boolean;
            createdAt: string;
            /** @description The password was set by someone else (first start, an admin): a session signed in with it can only change it (POST /auth/password), read /auth/me and sign out */
            mustChangePassword: boolean;
            /** @description Their role requires 2-step verification and they have not set it up: until they do, this session can only set it up (/auth/second-factor/...), read /auth/me and sign out */
            secondFactorSetUpRequired: boolean;
        };
        QueueInput: {
            /** @enum {string} */
            id: "mine" | "unassigned" | "waiting-attempt-1" | "waiting-attempt-2" | "waiting-attempt-3" | "attempt-1" | "attempt-2" | "attempt-3" | "overdue" | "adr-soon" | "awaiting-referral" | "email-failed" | "closed" | "all";
            name: string;
            description: string;
            count: number | null;
        };
        ErasureInput: {
            customerId: string;
            /** @description The CRNs anonymised now */
            complaints: string[];
            documentsRemoved: number;
        };
        RaisedComplaintInput: {
            /**
             * @description Complaint Reference Number
             * @example MISO-26-000123-C
             */
            reference: string;
            /**
             * Format: date
             * @description The London date by which we acknowledge the complaint
             * @example 2026-11-30
             */
            acknowledgeBy: string;
            /**
             * Format: date
             * @description The London date from which the customer may take the complaint to the ADR scheme if it is not resolved (if their customer type can use ADR)
             * @example 2026-11-30
             */
            adrDueOn: string;
        };
        ProcedureInput: {
            company: {
                name: string;
                tradingName: string;
                phone: string;
                /** Format: email */
                email: string;
                /** Format: uri */
                website: string;
                address: {
                    lines: string[];
                    town: string;
                    postcode: string;
                };
            };
            stages: {
                initiation: {
                    name: string;
                    description: string;
                    customerText: string;
                    roles: ("agent" | "reviewer" | "director" | "admin")[];
                };
                "attempt-1": {
                    name: string;
                    description: string;
                    customerText: string;
                    roles: ("agent" | "reviewer" | "director" | "admin")[];
                };
                "attempt-2": {
                    name: string;
                    description: string;
                    customerText: string;
                    roles: ("agent" | "reviewer" | "director" | "admin")[];
                };
                "attempt-3": {
                    name: string;
                    description: string;
                    customerText: string;
                    roles: ("agent" | "reviewer" | "director" | "admin")[];
                };
                deadlock: {
                    name: string;
                    description: string;
                    customerText: string;
                    roles: ("agent" | "reviewer" | "director" | "admin")[];
                };
                closed: {
                    name: string;
                    description: string;
                    customerText: string;
                    roles: ("agent" | "reviewer" | "director" | "admin")[];
                };
            };
            timescales: {
                adrLimitWeeks: number;
                adrLimitWeeksBefore: number;
                adrLimitChangedOn: string;
                noResponseCloseDays: number;
                adrWarningWeeks: number[];
                acknowledgeWorkingDays: number;
                defaultStepWorkingDays: number;
                followUpWorkingDays: number;
                adrWindowMonths: number;
                remedyReminderDays: number[];
            };
            adrScheme: {
                /** @enum {string} */
                id: "communications-ombudsman" | "cisas" | "other";
                name: string;
                nameInText: string;
                address: {
                    lines: string[];
                    town: string;
                    postcode: string;
                };
                phone: string;
                textphone: string | null;
                email: string | null;
                /** Format: uri */
                website: string;
                maxAwardPence: number;
                remedyDays: number;
                remedyDaysAreWorkingDays: boolean;
            };
            regulator: {
                name: string;
                /** Format: uri */
                website: string;
                phone: string;
            };
            categories: ("billing" | "service-quality" | "customer-service" | "contract" | "equipment" | "other")[];
            crn: {
                prefix: string;
                sequenceDigits: number;
            };
            attempt3ReviewerMustDiffer: boolean;
            deadlockAfterDirectorReview: boolean;
            routing: {
                /** @enum {string} */
                assignment: "queue" | "round-robin" | "least-loaded";
                responsibleDirector: string | null;
            };
            rootCauses: {
                code: string;
                label: string;
                children?: {
                    code: string;
                    label: string;
                }[];
            }[];
            rootCauseRequiredAt: ("initiation" | "attempt-1" | "attempt-2" | "attempt-3" | "deadlock")[];
            bankHolidays?: string[];
            customerCount?: number;
            retention?: {
                monthsAfterClosure: number;
            };
        };
        ProcedureViewInput: {
            procedure: components["schemas"]["ProcedureInput"];
            warnings: string[];
            /** @description How the portal can send a customer a sign-in link: by email always; by text message (sms) only when an SMS gateway is configured */
            signInLinksBy: ("email" | "sms")[];
        };
        MailSummaryInput: {
            id: string;
            /** @enum {string} */
            direction: "in" | "out";
            /** @description Outbound: the template (acknowledgement, proposal…); inbound: how it was handled */
            kind: string;
            /** @enum {string} */
            status: "queued" | "sent" | "failed" | "received" | "ignored" | "rejected";
            from: string;
            to: string;
            subject: string;
            attempts: number;
            lastError: string | null;
            /** @description Why a message was ignored or refused, or what staff should know */
            note: string | null;
            createdAt: string;
            sentAt: string | null;
            /** @description The complaint it belongs to, if any */
            reference: string | null;
        };
        MailInput: {
            id: string;
            /** @enum {string} */
            direction: "in" | "out";
            /** @description Outbound: the template (acknowledgement, proposal…); inbound: how it was handled */
            kind: string;
            /** @enum {string} */
            status: "queued" | "sent" | "failed" | "received" | "ignored" | "rejected";
            from: string;
            to: string;
            subject: string;
            attempts: number;
            lastError: string | null;
            /** @description Why a message was ignored or refused, or what staff should know */
            note: string | null;
            createdAt: string;
            sentAt: string | null;
            /** @description The complaint it belongs to, if any */
            reference: string | null;
            messageId: string;
            inReplyTo: string | null;
            text: string;
            attachments: {
                id: string;
                filename: string;
                contentType: string;
                sizeBytes: number;
            }[];
        };
        PrintQueueItemInput: {
            id: string;
            complaintId: string;
            /** @description acknowledgement, proposal, escalation, closure, adr-letter-deadlock, adr-letter-time-limit */
            kind: string;
            title: string;
            filename: string;
            contentType: string;
            sizeBytes: number;
            /** @description Of the PDF as issued */
            sha256: string;
            largePrint: boolean;
            pages: number;
            /**
             * Format: date
             * @example 2026-11-30
             */
            issuedOn: string;
            /**
             * @description Attached to an email, or printed and posted
             * @enum {string}
             */
            delivery: "email" | "post";
            printStatus: ("queued" | "posted") | null;
            postedAt: string | null;
            postedBy: string | null;
            createdAt: string;
            reference: string;
            customerName: string;
        };
        /** @description RFC 9457 problem details, with a stable `code` */
        Problem: {
            type: string;
            title: string;
            status: number;
            detail: string;
            code: string;
            field?: string;
            errors?: {
                field: string;
                message: string;
            }[];
            allowed?: string[];
        };
        UploadInput: {
            /** @description The name on the customer’s computer, e.g. `bill.pdf` */
            filename: string;
            /** @description What the browser says it is; may be empty. The bytes decide, and must agree. */
            contentType?: string;
            /**
             * Format: base64
             * @description The file’s bytes, base64
             */
            content: string;
        };
        Attachment: {
            /** @description Download it from /attachments/{id} */
            id: string;
            /**
             * @description Uploaded by the customer in the portal, came by email, or sent to the customer with a reply
             * @enum {string}
             */
            source: "upload" | "email" | "sent";
            filename: string;
            /** @description The type its bytes are */
            contentType: string;
            sizeBytes: number;
            sha256: string;
            receivedAt: string;
            /** @description The email it came with */
            emailId: string | null;
        };
        PortalFile: {
            /** @description Download it from /portal/complaints/{reference}/uploads/{id} */
            id: string;
            filename: string;
            contentType: string;
            sizeBytes: number;
            uploadedAt: string;
            /** @description We sent it with a reply; false: the customer uploaded it */
            sentByUs: boolean;
        };
        NewComplaint: {
            customer: {
                id: string;
            } | {
                name: string;
                /** Format: email */
                email?: string;
                phone?: string;
                /**
                 * @description Only residential and small business / not-for-profit customers can use ADR
                 * @enum {string}
                 */
                type?: "residential" | "small-business" | "not-for-profit" | "large-business";
                addressLines?: string[];
                postcode?: string;
                needs?: {
                    largePrint?: boolean;
                    braille?: boolean;
                    textRelay?: boolean;
                };
                /** @enum {string} */
                preferredChannel?: "phone" | "email" | "web" | "letter" | "textphone" | "in-person";
                vulnerabilityNotes?: string;
                /** @description The customer asked not to be contacted beyond what their complaint needs: no satisfaction survey. A change is audited */
                contactOptOut?: boolean;
            };
            /** @enum {string} */
            channel: "phone" | "email" | "web" | "letter" | "textphone" | "in-person";
            /** @description What happened: the customer’s message, or staff’s account of what the customer said */
            description: string;
            /** @description What the customer said, in their own words, when `description` is staff’s account; letters quote this to the customer */
            customerWords?: string;
            /** @enum {string} */
            category?: "billing" | "service-quality" | "customer-service" | "contract" | "equipment" | "other";
            /** @description The customer asked for a formal complaint (a record, not a gate) */
            formal?: boolean;
            /** @description What the customer wants done */
            desiredOutcome?: string;
            /**
             * Format: date-time
             * @description When the customer first expressed dissatisfaction (starts the ADR clock); default now
             * @example 2026-11-28T10:15:00Z
             */
            firstExpressedAt?: string;
            /** @description A member of staff, or null: nobody (it waits in its stage’s queue). Default: the member of staff recording it */
            ownerId?: string | null;
        };
        Customer: {
            id: string;
            name: string;
            email: string | null;
            phone: string | null;
            /** @enum {string} */
            type: "residential" | "small-business" | "not-for-profit" | "large-business";
            addressLines: string[];
            postcode: string | null;
            needs: {
                largePrint: boolean;
                braille: boolean;
                textRelay: boolean;
            };
            preferredChannel: ("phone" | "email" | "web" | "letter" | "textphone" | "in-person") | null;
            vulnerabilityNotes: string | null;
            /** @description Asked not to be contacted beyond what their complaint needs (no satisfaction survey) */
            contactOptOut: boolean;
            createdAt: string;
            updatedAt: string;
            /** @description Set when this record was merged into another (intoId): it is kept only as a pointer */
            merged: {
                intoId: string;
                at: string;
            } | null;
        };
        Letter: {
            id: string;
            complaintId: string;
            /** @description acknowledgement, proposal, escalation, closure, adr-letter-deadlock, adr-letter-time-limit */
            kind: string;
            title: string;
            filename: string;
            contentType: string;
            sizeBytes: number;
            /** @description Of the PDF as issued */
            sha256: string;
            largePrint: boolean;
            pages: number;
            /**
             * Format: date
             * @example 2026-11-30
             */
            issuedOn: string;
            /**
             * @description Attached to an email, or printed and posted
             * @enum {string}
             */
            delivery: "email" | "post";
            printStatus: ("queued" | "posted") | null;
            postedAt: string | null;
            postedBy: string | null;
            createdAt: string;
        };
        Remedy: {
            id: string;
            /** @enum {string} */
            source: "proposal" | "ombudsman";
            /** @description The attempt whose proposal offered it */
            attemptNumber: number | null;
            /** @enum {string} */
            type: "apology" | "explanation" | "practical-action" | "credit-refund" | "goodwill";
            /** @description For credit-refund and goodwill, pence VAT included */
            amountPence: number | null;
            recordedAt: string;
            /** @description When the customer agreed the proposal or accepted the decision */
            acceptedAt: string | null;
        };
        ComplaintCustomer: {
            id: string;
            name: string;
            email: string | null;
            phone: string | null;
            /** @enum {string} */
            type: "residential" | "small-business" | "not-for-profit" | "large-business";
            addressLines: string[];
            postcode: string | null;
            needs: {
                largePrint: boolean;
                braille: boolean;
                textRelay: boolean;
            };
            preferredChannel: ("phone" | "email" | "web" | "letter" | "textphone" | "in-person") | null;
            vulnerabilityNotes: string | null;
            /** @description Asked not to be contacted beyond what their complaint needs (no satisfaction survey) */
            contactOptOut: boolean;
            createdAt: string;
            updatedAt: string;
            /** @description Set when this record was merged into another (intoId): it is kept only as a pointer */
            merged: {
                intoId: string;
                at: string;
            } | null;
            /** @description The customer’s other complaints, newest first, at most 20 */
            otherComplaints: {
                /**
                 * @description Complaint Reference Number
                 * @example MISO-26-000123-C
                 */
                reference: string;
                /** @enum {string} */
                stage: "initiation" | "attempt-1" | "attempt-2" | "attempt-3" | "deadlock" | "closed";
                stageName: string;
                receivedAt: string;
            }[];
        };
        Complaint: {
            id: string;
            /**
             * @description Complaint Reference Number
             * @example MISO-26-000123-C
             */
            reference: string;
            version: number;
            /** @enum {string} */
            stage: "initiation" | "attempt-1" | "attempt-2" | "attempt-3" | "deadlock" | "closed";
            stageName: string;
            /** @description Where the current attempt is in its cycle */
            phase: ("review" | "reviewed" | "awaiting-response" | "implementing" | "follow-up" | "chasing" | "ended") | null;
            open: boolean;
            owner: {
                id: string;
                name: string;
            } | null;
            /** @description The role the complaint waits for, unassigned in its stage’s queue (“Needs a reviewer”); null when someone owns it */
            needs: ("agent" | "reviewer" | "director" | "admin") | null;
            customer: components["schemas"]["ComplaintCustomer"] | null;
            /** @enum {string} */
            channel: "phone" | "email" | "web" | "letter" | "textphone" | "in-person";
            /** @enum {string} */
            category: "billing" | "service-quality" | "customer-service" | "contract" | "equipment" | "other";
            description: string;
            /** @description The customer’s own words, quoted in letters */
            customerWords: string | null;
            desiredOutcome: string | null;
            formal: boolean;
            firstExpressedAt: string;
            receivedAt: string;
            /**
             * Format: date
             * @example 2026-11-30
             */
            acknowledgeBy: string;
            attempts: {
                number: number;
                /** @enum {string} */
                phase: "review" | "reviewed" | "awaiting-response" | "implementing" | "follow-up" | "chasing" | "ended";
                openedAt: string;
                handlerId: string | null;
                handler: {
                    id: string;
                    name: string;
                } | null;
                review: {
                    findings: string;
                    recordedAt: string;
                    recordedBy: string | null;
                } | null;
                proposal: {
                    summary: string;
                    proposedAt: string;
                    proposedBy: string | null;
                    steps: {
                        id: string;
                        description: string;
                        ownerId: string | null;
                        owner: {
                            id: string;
                            name: string;
                        } | null;
                        /**
                         * Format: date
                         * @example 2026-11-30
                         */
                        dueOn: string;
                        completedAt: string | null;
                        completedBy: string | null;
                        note: string | null;
                        overdue: boolean;
                    }[];
                } | null;
                response: {
                    /** @enum {string} */
                    outcome: "agreed" | "declined";
                    note: string | null;
                    recordedAt: string;
                } | null;
                followUp: {
                    /** @enum {string} */
                    outcome: "satisfied" | "not-satisfied" | "no-response";
                    note: string | null;
                    recordedAt: string;
                } | null;
                followUpDueOn: string | null;
                outcome: ("resolved" | "escalated" | "deadlock" | "withdrawn") | null;
                endedAt: string | null;
                escalationReason: string | null;
            }[];
            adr: {
                /** @description Residential and small business / not-for-profit customers can use ADR */
                eligible: boolean;
                /**
                 * Format: date
                 * @description When the time-limit ADR letter is due
                 * @example 2026-11-30
                 */
                dueOn: string;
                daysLeft: number;
                warningsOn: string[];
                letters: {
                    id: string;
                    /** @enum {string} */
                    trigger: "deadlock" | "time-limit";
                    issuedAt: string;
                    /**
                     * Format: date
                     * @example 2026-11-30
                     */
                    issuedOn: string;
                    /**
                     * Format: date
                     * @description Last day the customer can take the complaint to the scheme
                     * @example 2026-11-30
                     */
                    windowEndsOn: string;
                }[];
                scheme: string;
            };
            referral: {
                /**
                 * @description With the scheme; decided, awaiting the customer; accepted; not accepted; remedy done
                 * @enum {string}
                 */
                status: "referred" | "awaiting-customer" | "accepted" | "not-accepted" | "implemented";
                schemeCaseReference: string;
                /**
                 * Format: date
                 * @example 2026-11-30
                 */
                referredOn: string;
                caseFeePence: number | null;
                decision: {
                    /** @enum {string} */
                    outcome: "upheld" | "partly-upheld" | "not-upheld" | "settled";
                    /**
                     * Format: date
                     * @example 2026-11-30
                     */
                    decidedOn: string;
                    remedy: {
                        apology: boolean;
                        explanation: boolean;
                        action: string | null;
                        awardPence: number;
                    };
                    customerAccepted: boolean | null;
                    /** @description When an accepted remedy must be implemented */
                    remedyDueOn: string | null;
                    implementedOn: string | null;
                } | null;
            } | null;
            /**
             * @description The highest stage the complaint reached (deadlock once declared)
             * @enum {string}
             */
            stageReached: "initiation" | "attempt-1" | "attempt-2" | "attempt-3" | "deadlock";
            /** @description Whether staff closing it must give a root cause (the procedure’s rootCauseRequiredAt names its stage reached) */
            rootCauseRequired: boolean;
            closure: {
                reason: string;
                closedAt: string;
                /** @description A code of the procedure’s root-cause tree */
                rootCause: string | null;
                /** @description The root cause as staff read it: “Parent › Child” */
                rootCauseLabel: string | null;
                lessons: string | null;
            } | null;
            /** @description Remedies offered in proposals and ordered by the ombudsman, oldest first */
            remedies: components["schemas"]["Remedy"][];
            /** @description The satisfaction survey put at closure; null when none was (not closed, or the customer opted out) */
            satisfaction: {
                /** @description When the survey was put to the customer (at closure) */
                sentAt: string;
                answeredAt: string | null;
                /** @description 1 very dissatisfied … 5 very satisfied; never changed once given */
                score: number | null;
                comment: string | null;
                /** @enum {string} */
                stageReached: "initiation" | "attempt-1" | "attempt-2" | "attempt-3" | "deadlock";
            } | null;
            contacts: {
                id: string;
                /** @enum {string} */
                channel: "phone" | "email" | "web" | "letter" | "textphone" | "in-person";
                /** @enum {string} */
                direction: "in" | "out";
                summary: string;
                occurredAt: string;
                recordedBy: string | null;
                /** @description Whether the customer sees the summary in the portal */
                visibleToCustomer: boolean;
            }[];
            /** @description Letters issued, oldest first; download each by its id */
            documents: components["schemas"]["Letter"][];
            /** @description Files the customer sent (portal uploads and email attachments), oldest first */
            attachments: components["schemas"]["Attachment"][];
            notes: {
                id: string;
                text: string;
                authorId: string | null;
                createdAt: string;
            }[];
            timeline: {
                at: string;
                /** @enum {string} */
                kind: "event" | "contact" | "note" | "email";
                type: string;
                actor: string | null;
                summary: string;
                details: unknown;
            }[];
            /** @description The commands the caller may issue now */
            nextActions: ("not-practical" | "record-review" | "propose" | "record-response" | "complete-step" | "record-follow-up" | "escalate" | "declare-deadlock" | "record-referral" | "record-ombudsman-outcome" | "record-case-fee" | "withdraw" | "close" | "record-root-cause" | "assign" | "take" | "log-contact" | "add-note" | "reply" | "issue-time-limit-adr-letter" | "close-no-response" | "close-adr-window-expired")[];
        };
        RecoveryCodes: {
            /** @description Ten single-use recovery codes, each good for one sign-in without the authenticator. Shown this once: only their hashes are kept */
            recoveryCodes: string[];
        };
        Session: {
            id: string;
            createdAt: string;
            /** @description Recorded at most once a minute */
            lastSeenAt: string;
            /** @description When it ends unless used again: the earlier of the idle limit and the absolute limit */
            expiresAt: string;
            /** @description Browser and system, as its User-Agent said when it signed in */
            device: string;
            ip: string | null;
            /** @description The session this request came with */
            current: boolean;
        };
        User: {
            id: string;
            email: string;
            name: string;
            roles: ("agent" | "reviewer" | "director" | "admin")[];
            active: boolean;
            createdAt: string;
            /** @description The password was set by someone else (first start, an admin): a session signed in with it can only change it (POST /auth/password), read /auth/me and sign out */
            mustChangePassword: boolean;
        };
        SignedIn: {
            user: components["schemas"]["User"];
            expiresAt: string;
        };
        CustomerFacingPreview: {
            items: {
                /** @description reply, proposal, escalation, follow-up, closure, adr-letter */
                kind: string;
                /** @enum {string} */
                delivery: "email" | "post";
                email: {
                    subject: string;
                    text: string;
                } | null;
                letter: {
                    title: string;
                    /** @description The letter as plain text, word for word as the PDF */
                    text: string;
                    pages: number;
                    /** @description The PDF, base64 */
                    pdf: string;
                } | null;
            }[];
        };
        /** @description An item of the improvement log */
        Improvement: {
            /**
             * @description The improvement item’s reference
             * @example IMP-0042
             */
            reference: string;
            title: string;
            description: string;
            owner: {
                id: string;
                name: string;
            };
            /**
             * Format: date
             * @example 2026-11-30
             */
            dueOn: string;
            /**
             * @description open and in-progress items are still to be worked (and can be overdue); done needs actionTaken
             * @enum {string}
             */
            status: "open" | "in-progress" | "done" | "dropped";
            /** @description Still to be worked and past its due date (UK time, today) */
            overdue: boolean;
            actionTaken: string | null;
            rootCause: string | null;
            /**
             * @description complaint and ombudsman-decision name the complaint (`sourceComplaint`); root-cause-trend needs `rootCause`
             * @enum {string}
             */
            source: "complaint" | "root-cause-trend" | "ombudsman-decision" | "other";
            sourceComplaint: string | null;
            createdBy: string;
            /**
             * Format: date-time
             * @example 2026-11-28T10:15:00Z
             */
            createdAt: string;
            /**
             * Format: date-time
             * @example 2026-11-28T10:15:00Z
             */
            updatedAt: string;
            /** @description When it was last marked done or dropped */
            closedAt: string | null;
        };
        ImprovementListItem: {
            /**
             * @description The improvement item’s reference
             * @example IMP-0042
             */
            reference: string;
            title: string;
            description: string;
            owner: {
                id: string;
                name: string;
            };
            /**
             * Format: date
             * @example 2026-11-30
             */
            dueOn: string;
            /**
             * @description open and in-progress items are still to be worked (and can be overdue); done needs actionTaken
             * @enum {string}
             */
            status: "open" | "in-progress" | "done" | "dropped";
            /** @description Still to be worked and past its due date (UK time, today) */
            overdue: boolean;
            actionTaken: string | null;
            rootCause: string | null;
            /**
             * @description complaint and ombudsman-decision name the complaint (`sourceComplaint`); root-cause-trend needs `rootCause`
             * @enum {string}
             */
            source: "complaint" | "root-cause-trend" | "ombudsman-decision" | "other";
            sourceComplaint: string | null;
            createdBy: string;
            /**
             * Format: date-time
             * @example 2026-11-28T10:15:00Z
             */
            createdAt: string;
            /**
             * Format: date-time
             * @example 2026-11-28T10:15:00Z
             */
            updatedAt: string;
            /** @description When it was last marked done or dropped */
            closedAt: string | null;
            complaintCount: number;
        };
        /** @description An item with the complaints that showed the problem */
        ImprovementDetail: {
            /**
             * @description The improvement item’s reference
             * @example IMP-0042
             */
            reference: string;
            title: string;
            description: string;
            owner: {
                id: string;
                name: string;
            };
            /**
             * Format: date
             * @example 2026-11-30
             */
            dueOn: string;
            /**
             * @description open and in-progress items are still to be worked (and can be overdue); done needs actionTaken
             * @enum {string}
             */
            status: "open" | "in-progress" | "done" | "dropped";
            /** @description Still to be worked and past its due date (UK time, today) */
            overdue: boolean;
            actionTaken: string | null;
            rootCause: string | null;
            /**
             * @description complaint and ombudsman-decision name the complaint (`sourceComplaint`); root-cause-trend needs `rootCause`
             * @enum {string}
             */
            source: "complaint" | "root-cause-trend" | "ombudsman-decision" | "other";
            sourceComplaint: string | null;
            createdBy: string;
            /**
             * Format: date-time
             * @example 2026-11-28T10:15:00Z
             */
            createdAt: string;
            /**
             * Format: date-time
             * @example 2026-11-28T10:15:00Z
             */
            updatedAt: string;
            /** @description When it was last marked done or dropped */
            closedAt: string | null;
            complaints: {
                /**
                 * @description Complaint Reference Number
                 * @example MISO-26-000123-C
                 */
                reference: string;
                /** @enum {string} */
                stage: "initiation" | "attempt-1" | "attempt-2" | "attempt-3" | "deadlock" | "closed";
                stageName: string;
                category: string;
                /**
                 * Format: date-time
                 * @example 2026-11-28T10:15:00Z
                 */
                receivedAt: string;
                rootCause: string | null;
                /**
                 * Format: date-time
                 * @example 2026-11-28T10:15:00Z
                 */
                linkedAt: string;
                linkedBy: {
                    id: string;
                    name: string;
                };
            }[];
        };
        ImprovementSummary: {
            /** @description Items open or in progress */
            open: number;
            /** @description Of those, the ones past their due date */
            overdue: number;
        };
        Insight: {
            /**
             * Format: date
             * @example 2026-11-30
             */
            from: string;
            /**
             * Format: date
             * @example 2026-11-30
             */
            to: string;
            /**
             * @description Weeks (Monday first) up to 13 weeks, months beyond
             * @enum {string}
             */
            granularity: "week" | "month";
            /** @description Complaints received in the range */
            received: number;
            /** @description The procedure’s `customerCount`; null when not set, and the per-customer figures too */
            customerCount: number | null;
            perThousandCustomers: number | null;
            /** @description Ofcom’s figure */
            perHundredThousandCustomers: number | null;
            volumes: {
                /** @description The week’s Monday (YYYY-MM-DD) or the month (YYYY-MM) */
                period: string;
                total: number;
                byCategory: {
                    billing: number;
                    "service-quality": number;
                    "customer-service": number;
                    contract: number;
                    equipment: number;
                    other: number;
                };
                byChannel: {
                    phone: number;
                    email: number;
                    web: number;
                    letter: number;
                    textphone: number;
                    "in-person": number;
                };
            }[];
            /** @description Complaints received in the range by where they ended: resolved at each attempt, withdrawn, reached deadlock, decided by the scheme after a time-limit letter, or still open */
            funnel: {
                open: number;
                "resolved-attempt-1": number;
                "resolved-attempt-2": number;
                "resolved-attempt-3": number;
                withdrawn: number;
                deadlock: number;
                "decided-by-scheme": number;
            };
            attempts: {
                attempt: 1 | 2 | 3;
                /** @description Attempts of those complaints that ended */
                ended: number;
                /** @description Median calendar days from opening to end */
                medianDays: number | null;
            }[];
            /** @description Complaints closed as resolved, by first expression to closure: within 1 week, within the ADR limit (6 weeks; 8 for complaints first raised before 2026-04-08) but over a week, later; and those not resolved (open, withdrawn, deadlocked) */
            timeToResolve: {
                week: number;
                "adr-limit": number;
                later: number;
                notResolved: number;
            };
            adrLetters: {
                deadlock: number;
                /** @description Issued because the ADR limit passed: a failure of the procedure */
                timeLimit: number;
                byPeriod: {
                    period: string;
                    deadlock: number;
                    timeLimit: number;
                }[];
            };
            referrals: {
                referred: number;
                outcomes: {
                    /** @description Upheld in full or in part */
                    upheld: number;
                    partlyUpheld: number;
                    notUpheld: number;
                    settled: number;
                };
                caseFeesPaid: number;
                caseFeesPence: number;
                /** @description Accepted remedies past their date and not done, today */
                remediesOverdue: number;
            };
            declinedProposals: {
                /** @enum {string} */
                category: "billing" | "service-quality" | "customer-service" | "contract" | "equipment" | "other";
                declined: number;
            }[];
            /** @description Root causes by the tree’s top level, counted on the day each complaint closed, most recorded first, beside the period before */
            rootCauses: {
                /**
                 * Format: date
                 * @description First day of the period of the same length just before the range
                 * @example 2026-11-30
                 */
                previousFrom: string;
                /**
                 * Format: date
                 * @example 2026-11-30
                 */
                previousTo: string;
                /** @description Complaints closed in the range with a root cause */
                recorded: number;
                previousRecorded: number;
                causes: {
                    code: string;
                    label: string;
                    count: number;
                    /** @description In the period before */
                    previous: number;
                    byCategory: {
                        billing: number;
                        "service-quality": number;
                        "customer-service": number;
                        contract: number;
                        equipment: number;
                        other: number;
                    };
                    byChannel: {
                        phone: number;
                        email: number;
                        web: number;
                        letter: number;
                        textphone: number;
                        "in-person": number;
                    };
                    /** @description The codes recorded under this cause (its own code too, when recorded as it is) */
                    detail: {
                        code: string;
                        label: string;
                        count: number;
                        /** @description In the period before */
                        previous: number;
                    }[];
                }[];
            };
            /** @description The satisfaction survey of the complaints closed in the range: counted on the day it was sent (at closure), answers with their survey; customers who asked not to be contacted get none */
            satisfaction: {
                /** @description Surveys put to customers */
                sent: number;
                answered: number;
                /** @description Answered ÷ sent (0–1, four places); null when none sent */
                responseRate: number | null;
                /** @description Mean score, 1 (very dissatisfied) to 5; null when none */
                averageScore: number | null;
                byStageReached: {
                    /** @description Surveys put to customers */
                    sent: number;
                    answered: number;
                    /** @description Answered ÷ sent (0–1, four places); null when none sent */
                    responseRate: number | null;
                    /** @description Mean score, 1 (very dissatisfied) to 5; null when none */
                    averageScore: number | null;
                    /** @enum {string} */
                    stageReached: "initiation" | "attempt-1" | "attempt-2" | "attempt-3" | "deadlock";
                }[];
                byCategory: {
                    /** @description Surveys put to customers */
                    sent: number;
                    answered: number;
                    /** @description Answered ÷ sent (0–1, four places); null when none sent */
                    responseRate: number | null;
                    /** @description Mean score, 1 (very dissatisfied) to 5; null when none */
                    averageScore: number | null;
                    /** @enum {string} */
                    category: "billing" | "service-quality" | "customer-service" | "contract" | "equipment" | "other";
                }[];
                /** @description By the complaint’s owner (its handler at closure); narrowed by the range and `owner`, not by the other filters */
                byHandler: {
                    /** @description Surveys put to customers */
                    sent: number;
                    answered: number;
                    /** @description Answered ÷ sent (0–1, four places); null when none sent */
                    responseRate: number | null;
                    /** @description Mean score, 1 (very dissatisfied) to 5; null when none */
                    averageScore: number | null;
                    /** @description Null: nobody owned the complaints */
                    person: {
                        id: string;
                        name: string;
                    } | null;
                }[];
            };
            /** @description Remedies the customer accepted in the range (agreed proposals, accepted ombudsman decisions), on the day accepted; money in pence */
            remedies: {
                count: number;
                pence: number;
                byType: {
                    /** @enum {string} */
                    type: "apology" | "explanation" | "practical-action" | "credit-refund" | "goodwill";
                    count: number;
                    pence: number;
                }[];
            };
            /** @description Today, whatever the range */
            team: {
                /** @description Null: nobody owns them */
                person: {
                    id: string;
                    name: string;
                } | null;
                open: number;
                overdueSteps: number;
                followUpsWaiting: number;
            }[];
        };
        SatisfactionSurvey: {
            /**
             * @description Complaint Reference Number
             * @example MISO-26-000123-C
             */
            reference: string;
            company: string;
            /** @description The one question, in the words the customer sees */
            question: string;
            answered: boolean;
            /** @description The answer, once given; never changed after */
            score: number | null;
            comment: string | null;
        };
        PortalComplaint: {
            /**
             * @description Complaint Reference Number
             * @example MISO-26-000123-C
             */
            reference: string;
            /** @description Where the complaint stands, in plain words */
            status: string;
            stageName: string;
            open: boolean;
            receivedAt: string;
            description: string;
            /** @description Null once the complaint is closed */
            nextStep: {
                /** @description What happens next and by when, in plain words (dates written out) */
                text: string;
                /** @description The date the text names, if any */
                by: string | null;
            } | null;
            /** @description Null for a closed complaint that had no ADR letter */
            adr: {
                /** @description From when the customer may take the complaint to the ADR scheme (the ombudsman): the ADR time limit, or the ADR letter’s date; null for a customer type the schemes do not take */
                from: string | null;
                /** @description The same, in plain words */
                text: string;
            } | null;
            proposal: {
                summary: string;
                steps: {
                    description: string;
                    /**
                     * Format: date
                     * @example 2026-11-30
                     */
                    dueOn: string;
                    done: boolean;
                }[];
            } | null;
            adrLetters: {
                /** @enum {string} */
                trigger: "deadlock" | "time-limit";
                /**
                 * Format: date
                 * @example 2026-11-30
                 */
                issuedOn: string;
                /**
                 * Format: date
                 * @example 2026-11-30
                 */
                windowEndsOn: string;
            }[];
            /** @description Letters we sent; download each from /portal/complaints/{reference}/letters/{id} */
            letters: {
                id: string;
                title: string;
                /**
                 * Format: date
                 * @example 2026-11-30
                 */
                issuedOn: string;
                pages: number;
                largePrint: boolean;
                sizeBytes: number;
            }[];
            /** @description Files the customer uploaded, oldest first */
            files: components["schemas"]["PortalFile"][];
            timeline: {
                at: string;
                /** @enum {string} */
                kind: "update" | "from-you" | "from-us";
                text: string;
            }[];
            /** @description The satisfaction survey put at closure (answer it at /portal/complaints/{reference}/satisfaction); null when none was */
            satisfaction: {
                question: string;
                answered: boolean;
                score: number | null;
                comment: string | null;
            } | null;
            /** @description What the customer can do now */
            actions: ("respond" | "follow-up" | "add-information")[];
        };
        OnlineComplaint: {
            name: string;
            /**
             * Format: email
             * @description Email and/or phone: at least one, so that we can reply
             */
            email?: string;
            phone?: string;
            addressLines?: string[];
            postcode?: string;
            /**
             * @description Only residential and small business / not-for-profit (10 or fewer workers) customers can use ADR
             * @enum {string}
             */
            customerType: "residential" | "small-business" | "not-for-profit" | "large-business";
            /** @enum {string} */
            category: "billing" | "service-quality" | "customer-service" | "contract" | "equipment" | "other";
            whatHappened: string;
            whatYouWant?: string;
            /**
             * Format: date
             * @description The day they first complained about this, if before today (starts the ADR clock)
             * @example 2026-11-30
             */
            firstComplainedOn?: string;
            needs?: {
                largePrint?: boolean;
                braille?: boolean;
                textRelay?: boolean;
            };
            /** @description Anything that makes it harder to deal with us, in the customer’s words */
            support?: string;
            /** @description The customer asks for a formal complaint */
            formal: boolean;
            /** @description Files that show what happened: PDF, PNG, JPEG, GIF, WebP, HEIC, plain text and office documents, at most 20, 5.0 MB each and MAIL_MAX_BYTES (10 MB by default) in all. A file whose bytes are not the type its name and content type say (an executable renamed `.png`) is refused with a 400 naming it (`attachments.0`), and then nothing is stored. */
            attachments?: components["schemas"]["UploadInput"][];
        };
        /** @description A response template (a “macro”) staff start a reply or proposal from */
        ResponseTemplate: {
            id: string;
            name: string;
            /**
             * @description reply: a message to the customer; proposal: the summary of a proposal
             * @enum {string}
             */
            purpose: "reply" | "proposal";
            stages: ("attempt-1" | "attempt-2" | "attempt-3" | "deadlock" | "closed")[];
            subject: string | null;
            body: string;
            /**
             * Format: date-time
             * @example 2026-11-28T10:15:00Z
             */
            createdAt: string;
            /**
             * Format: date-time
             * @example 2026-11-28T10:15:00Z
             */
            updatedAt: string;
            archivedAt: string | null;
        };
        /** @description A template filled with one complaint’s values */
        FilledTemplate: {
            templateId: string;
            name: string;
            /**
             * @description reply: a message to the customer; proposal: the summary of a proposal
             * @enum {string}
             */
            purpose: "reply" | "proposal";
            /** @description The filled subject; null for a proposal template */
            subject: string | null;
            /** @description The filled text, ready to edit and send */
            body: string;
        };
        TemplatePreview: {
            subject: string | null;
            body: string;
            /** @description Names written between {{ }} that are not placeholders: saving would be refused */
            unknownPlaceholders: string[];
        };
        Placeholder: {
            name: string;
            /** @example {{customer.name}} */
            written: string;
            description: string;
            example: string;
        };
        /** @description A personal API token, without its secret */
        ApiToken: {
            id: string;
            /** @description What the token is for, as its holder named it */
            name: string;
            userId: string;
            ownerName: string;
            ownerEmail: string;
            /**
             * Format: date-time
             * @example 2026-11-28T10:15:00Z
             */
            createdAt: string;
            /** @description When it was last used, to the minute (recorded at most once a minute) */
            lastUsedAt: string | null;
            /** @description When it stops working (401 after); null: never */
            expiresAt: string | null;
            /**
             * @description full: all its holder may; read: GET only; commands:a,b: reading and those procedure commands. Outside it: 403 `token-scope`
             * @example commands:log-contact,add-note
             */
            scope: string;
        };
        CreatedApiToken: {
            id: string;
            /** @description What the token is for, as its holder named it */
            name: string;
            userId: string;
            ownerName: string;
            ownerEmail: string;
            /**
             * Format: date-time
             * @example 2026-11-28T10:15:00Z
             */
            createdAt: string;
            /** @description When it was last used, to the minute (recorded at most once a minute) */
            lastUsedAt: string | null;
            /** @description When it stops working (401 after); null: never */
            expiresAt: string | null;
            /**
             * @description full: all its holder may; read: GET only; commands:a,b: reading and those procedure commands. Outside it: 403 `token-scope`
             * @example commands:log-contact,add-note
             */
            scope: string;
            /**
             * @description The token itself, to send as Authorization: Bearer. Shown in this answer only.
             * @example rdr_…
             */
            token: string;
        };
        StaffMember: {
            id: string;
            email: string;
            name: string;
            roles: ("agent" | "reviewer" | "director" | "admin")[];
            active: boolean;
            createdAt: string;
            /** @description The password was set by someone else (first start, an admin): a session signed in with it can only change it (POST /auth/password), read /auth/me and sign out */
            mustChangePassword: boolean;
            /** @description Until when failed password sign-ins lock them out (5 in a row: a minute, doubling each time to an hour); null when they are not. Shown to admins only: null to anyone else */
            lockedUntil: string | null;
            /** @description Whether 2-step verification (an authenticator app) is on for their password sign-in. Shown to admins only: null to anyone else */
            twoStep: boolean | null;
        };
        Workload: {
            stages: {
                /** @enum {string} */
                id: "initiation" | "attempt-1" | "attempt-2" | "attempt-3" | "deadlock";
                name: string;
            }[];
            rows: {
                /** @description Null for the complaints nobody owns yet */
                person: {
                    id: string;
                    name: string;
                    roles: ("agent" | "reviewer" | "director" | "admin")[];
                    active: boolean;
                } | null;
                byStage: {
                    initiation: number;
                    "attempt-1": number;
                    "attempt-2": number;
                    "attempt-3": number;
                    deadlock: number;
                };
                open: number;
                /** @description Agreed steps they own that are past their date */
                overdueSteps: number;
                /** @description The nearest ADR limit among their open complaints without an ADR letter */
                nextAdrDueOn: string | null;
                adrDaysLeft: number | null;
            }[];
        };
        SecondFactorStatus: {
            enabled: boolean;
            /** @description Your role requires it (MFA_REQUIRED_ROLES): it cannot be turned off */
            required: boolean;
            recoveryCodesLeft: number;
        };
        SecondFactorSetup: {
            /** @description Base32, to type into an app that cannot scan the QR code */
            secret: string;
            /** @description The otpauth:// URI the QR code holds */
            uri: string;
            /** @description The QR code, an SVG data URL */
            qrCode: string;
        };
        SecondStepNeeded: {
            secondStep: {
                /** @description For POST /auth/login/second-step: one use, five minutes */
                ticket: string;
                expiresAt: string;
            };
        };
        Me: {
            id: string;
            email: string;
            name: string;
            roles: ("agent" | "reviewer" | "director" | "admin")[];
            active: boolean;
            createdAt: string;
            /** @description The password was set by someone else (first start, an admin): a session signed in with it can only change it (POST /auth/password), read /auth/me and sign out */
            mustChangePassword: boolean;
            /** @description Their role requires 2-step verification and they have not set it up: until they do, this session can only set it up (/auth/second-factor/...), read /auth/me and sign out */
            secondFactorSetUpRequired: boolean;
        };
        Queue: {
            /** @enum {string} */
            id: "mine" | "unassigned" | "waiting-attempt-1" | "waiting-attempt-2" | "waiting-attempt-3" | "attempt-1" | "attempt-2" | "attempt-3" | "overdue" | "adr-soon" | "awaiting-referral" | "email-failed" | "closed" | "all";
            name: string;
            description: string;
            count: number | null;
        };
        Erasure: {
            customerId: string;
            /** @description The CRNs anonymised now */
            complaints: string[];
            documentsRemoved: number;
        };
        RaisedComplaint: {
            /**
             * @description Complaint Reference Number
             * @example MISO-26-000123-C
             */
            reference: string;
            /**
             * Format: date
             * @description The London date by which we acknowledge the complaint
             * @example 2026-11-30
             */
            acknowledgeBy: string;
            /**
             * Format: date
             * @description The London date from which the customer may take the complaint to the ADR scheme if it is not resolved (if their customer type can use ADR)
             * @example 2026-11-30
             */
            adrDueOn: string;
        };
        Procedure: {
            company: {
                name: string;
                tradingName: string;
                phone: string;
                /** Format: email */
                email: string;
                /** Format: uri */
                website: string;
                address: {
                    lines: string[];
                    town: string;
                    postcode: string;
                };
            };
            stages: {
                initiation: {
                    name: string;
                    description: string;
                    customerText: string;
                    roles: ("agent" | "reviewer" | "director" | "admin")[];
                };
                "attempt-1": {
                    name: string;
                    description: string;
                    customerText: string;
                    roles: ("agent" | "reviewer" | "director" | "admin")[];
                };
                "attempt-2": {
                    name: string;
                    description: string;
                    customerText: string;
                    roles: ("agent" | "reviewer" | "director" | "admin")[];
                };
                "attempt-3": {
                    name: string;
                    description: string;
                    customerText: string;
                    roles: ("agent" | "reviewer" | "director" | "admin")[];
                };
                deadlock: {
                    name: string;
                    description: string;
                    customerText: string;
                    roles: ("agent" | "reviewer" | "director" | "admin")[];
                };
                closed: {
                    name: string;
                    description: string;
                    customerText: string;
                    roles: ("agent" | "reviewer" | "director" | "admin")[];
                };
            };
            timescales: {
                adrLimitWeeks: number;
                adrLimitWeeksBefore: number;
                adrLimitChangedOn: string;
                noResponseCloseDays: number;
                adrWarningWeeks: number[];
                acknowledgeWorkingDays: number;
                defaultStepWorkingDays: number;
                followUpWorkingDays: number;
                adrWindowMonths: number;
                remedyReminderDays: number[];
            };
            adrScheme: {
                /** @enum {string} */
                id: "communications-ombudsman" | "cisas" | "other";
                name: string;
                nameInText: string;
                address: {
                    lines: string[];
                    town: string;
                    postcode: string;
                };
                phone: string;
                textphone: string | null;
                email: string | null;
                /** Format: uri */
                website: string;
                maxAwardPence: number;
                remedyDays: number;
                remedyDaysAreWorkingDays: boolean;
            };
            regulator: {
                name: string;
                /** Format: uri */
                website: string;
                phone: string;
            };
            categories: ("billing" | "service-quality" | "customer-service" | "contract" | "equipment" | "other")[];
            crn: {
                prefix: string;
                sequenceDigits: number;
            };
            attempt3ReviewerMustDiffer: boolean;
            deadlockAfterDirectorReview: boolean;
            routing: {
                /** @enum {string} */
                assignment: "queue" | "round-robin" | "least-loaded";
                responsibleDirector: string | null;
            };
            rootCauses: {
                code: string;
                label: string;
                children?: {
                    code: string;
                    label: string;
                }[];
            }[];
            rootCauseRequiredAt: ("initiation" | "attempt-1" | "attempt-2" | "attempt-3" | "deadlock")[];
            bankHolidays?: string[];
            customerCount?: number;
            retention?: {
                monthsAfterClosure: number;
            };
        };
        ProcedureView: {
            procedure: components["schemas"]["Procedure"];
            warnings: string[];
            /** @description How the portal can send a customer a sign-in link: by email always; by text message (sms) only when an SMS gateway is configured */
            signInLinksBy: ("email" | "sms")[];
        };
        MailSummary: {
            id: string;
            /** @enum {string} */
            direction: "in" | "out";
            /** @description Outbound: the template (acknowledgement, proposal…); inbound: how it was handled */
            kind: string;
            /** @enum {string} */
            status: "queued" | "sent" | "failed" | "received" | "ignored" | "rejected";
            from: string;
            to: string;
            subject: string;
            attempts: number;
            lastError: string | null;
            /** @description Why a message was ignored or refused, or what staff should know */
            note: string | null;
            createdAt: string;
            sentAt: string | null;
            /** @description The complaint it belongs to, if any */
            reference: string | null;
        };
        Mail: {
            id: string;
            /** @enum {string} */
            direction: "in" | "out";
            /** @description Outbound: the template (acknowledgement, proposal…); inbound: how it was handled */
            kind: string;
            /** @enum {string} */
            status: "queued" | "sent" | "failed" | "received" | "ignored" | "rejected";
            from: string;
            to: string;
            subject: string;
            attempts: number;
            lastError: string | null;
            /** @description Why a message was ignored or refused, or what staff should know */
            note: string | null;
            createdAt: string;
            sentAt: string | null;
            /** @description The complaint it belongs to, if any */
            reference: string | null;
            messageId: string;
            inReplyTo: string | null;
            text: string;
            attachments: {
                id: string;
                filename: string;
                contentType: string;
                sizeBytes: number;
            }[];
        };
        PrintQueueItem: {
            id: string;
            complaintId: string;
            /** @description acknowledgement, proposal, escalation, closure, adr-letter-deadlock, adr-letter-time-limit */
            kind: string;
            title: string;
            filename: string;
            contentType: string;
            sizeBytes: number;
            /** @description Of the PDF as issued */
            sha256: string;
            largePrint: boolean;
            pages: number;
            /**
             * Format: date
             * @example 2026-11-30
             */
            issuedOn: string;
            /**
             * @description Attached to an email, or printed and posted
             * @enum {string}
             */
            delivery: "email" | "post";
            printStatus: ("queued" | "posted") | null;
            postedAt: string | null;
            postedBy: string | null;
            createdAt: string;
            reference: string;
            customerName: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    reply: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Complaint Reference Number */
                reference: string;
            };
            cookie?: never;
        };
        /** @description Write to the customer: an email threaded with the complaint’s mail (its letter attached), or a letter queued for print when the customer takes post or has no email address. */
        requestBody: {
            content: {
                "application/json": {
                    /** @description The subject; the CRN is put in front of it */
                    subject: string;
                    /** @description The message, without greeting or sign-off: Redress adds “Dear {name},” and signs it with your name and role */
                    body: string;
                    /** @description Files to send with it (a corrected bill, a statement): attached to the email, or named as enclosed in the letter for post; the same types and limits as the customer’s own files, and a refused file (`attachments.0`) stores nothing */
                    attachments?: components["schemas"]["UploadInputInput"][];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Complaint"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            507: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "not-practical": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Complaint Reference Number */
                reference: string;
            };
            cookie?: never;
        };
        /** @description Attempt 1: immediate action is not practical; the complaint goes to the detailed review of attempt 2. */
        requestBody: {
            content: {
                "application/json": {
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Complaint"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            507: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "preview-not-practical": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Complaint Reference Number */
                reference: string;
            };
            cookie?: never;
        };
        /** @description Attempt 1: immediate action is not practical; the complaint goes to the detailed review of attempt 2. */
        requestBody: {
            content: {
                "application/json": {
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerFacingPreview"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            507: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "record-review": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Complaint Reference Number */
                reference: string;
            };
            cookie?: never;
        };
        /** @description Record what the review found (attempt 1: exploration; 2: detailed review; 3: director-level review). */
        requestBody: {
            content: {
                "application/json": {
                    findings: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Complaint"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            507: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "preview-record-review": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Complaint Reference Number */
                reference: string;
            };
            cookie?: never;
        };
        /** @description Record what the review found (attempt 1: exploration; 2: detailed review; 3: director-level review). */
        requestBody: {
            content: {
                "application/json": {
                    findings: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerFacingPreview"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            507: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    propose: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Complaint Reference Number */
                reference: string;
            };
            cookie?: never;
        };
        /** @description Propose remedial action: steps, each with an owner and an agreed due date. */
        requestBody: {
            content: {
                "application/json": {
                    summary: string;
                    steps: {
                        description: string;
                        /** @description Staff user who owns the step; null when the customer owns it */
                        ownerId: string | null;
                        /**
                         * Format: date
                         * @description Agreed due date; default: the procedure’s working days from today
                         * @example 2026-11-30
                         */
                        dueOn?: string;
                    }[];
                    /** @description What the proposal gives the customer, by type (apology, explanation, practical action, credit/refund, goodwill); accepted when the customer agrees the proposal */
                    remedies?: {
                        /** @enum {string} */
                        type: "apology" | "explanation" | "practical-action" | "credit-refund" | "goodwill";
                        /** @description Pence, VAT included: required for credit-refund and goodwill, left out for the others */
                        amountPence?: number | null;
                    }[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Complaint"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            507: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "preview-propose": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Complaint Reference Number */
                reference: string;
            };
            cookie?: never;
        };
        /** @description Propose remedial action: steps, each with an owner and an agreed due date. */
        requestBody: {
            content: {
                "application/json": {
                    summary: string;
                    steps: {
                        description: string;
                        /** @description Staff user who owns the step; null when the customer owns it */
                        ownerId: string | null;
                        /**
                         * Format: date
                         * @description Agreed due date; default: the procedure’s working days from today
                         * @example 2026-11-30
                         */
                        dueOn?: string;
                    }[];
                    /** @description What the proposal gives the customer, by type (apology, explanation, practical action, credit/refund, goodwill); accepted when the customer agrees the proposal */
                    remedies?: {
                        /** @enum {string} */
                        type: "apology" | "explanation" | "practical-action" | "credit-refund" | "goodwill";
                        /** @description Pence, VAT included: required for credit-refund and goodwill, left out for the others */
                        amountPence?: number | null;
                    }[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerFacingPreview"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            507: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "record-response": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Complaint Reference Number */
                reference: string;
            };
            cookie?: never;
        };
        /** @description Record the customer’s response to the proposal. Declining escalates to the next attempt. */
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    outcome: "agreed" | "declined";
                    note?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Complaint"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            507: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "preview-record-response": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Complaint Reference Number */
                reference: string;
            };
            cookie?: never;
        };
        /** @description Record the customer’s response to the proposal. Declining escalates to the next attempt. */
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    outcome: "agreed" | "declined";
                    note?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerFacingPreview"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            507: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "complete-step": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Complaint Reference Number */
                reference: string;
            };
            cookie?: never;
        };
        /** @description Mark a step of the agreed proposal as done; the last one opens the follow-up. */
        requestBody: {
            content: {
                "application/json": {
                    stepId: string;
                    note?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Complaint"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            507: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "preview-complete-step": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Complaint Reference Number */
                reference: string;
            };
            cookie?: never;
        };
        /** @description Mark a step of the agreed proposal as done; the last one opens the follow-up. */
        requestBody: {
            content: {
                "application/json": {
                    stepId: string;
                    note?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerFacingPreview"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            507: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "record-follow-up": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Complaint Reference Number */
                reference: string;
            };
            cookie?: never;
        };
        /** @description Record the follow-up contact: satisfied closes, not satisfied escalates, no response starts the chase. */
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    outcome: "satisfied" | "not-satisfied" | "no-response";
                    note?: string;
                    /** @description A code of the procedure’s root-cause tree (GET /procedure, `rootCauses`). Required when staff close a complaint whose highest stage reached is in the procedure’s `rootCauseRequiredAt` (default: attempt 2 and after); refused with `root-cause-required` when missing there */
                    rootCause?: string;
                    /** @description What the provider learned */
                    lessons?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Complaint"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            507: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "preview-record-follow-up": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Complaint Reference Number */
                reference: string;
            };
            cookie?: never;
        };
        /** @description Record the follow-up contact: satisfied closes, not satisfied escalates, no response starts the chase. */
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    outcome: "satisfied" | "not-satisfied" | "no-response";
                    note?: string;
                    /** @description A code of the procedure’s root-cause tree (GET /procedure, `rootCauses`). Required when staff close a complaint whose highest stage reached is in the procedure’s `rootCauseRequiredAt` (default: attempt 2 and after); refused with `root-cause-required` when missing there */
                    rootCause?: string;
                    /** @description What the provider learned */
                    lessons?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerFacingPreview"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            507: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    escalate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Complaint Reference Number */
                reference: string;
            };
            cookie?: never;
        };
        /** @description Escalate to the next resolution attempt. */
        requestBody: {
            content: {
                "application/json": {
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Complaint"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            507: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "preview-escalate": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Complaint Reference Number */
                reference: string;
            };
            cookie?: never;
        };
        /** @description Escalate to the next resolution attempt. */
        requestBody: {
            content: {
                "application/json": {
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerFacingPreview"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            507: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "declare-deadlock": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Complaint Reference Number */
                reference: string;
            };
            cookie?: never;
        };
        /** @description Director: nothing further can be done. Issues the ADR letter the same day. */
        requestBody: {
            content: {
                "application/json": {
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Complaint"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            507: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "preview-declare-deadlock": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Complaint Reference Number */
                reference: string;
            };
            cookie?: never;
        };
        /** @description Director: nothing further can be done. Issues the ADR letter the same day. */
        requestBody: {
            content: {
                "application/json": {
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerFacingPreview"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            507: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "record-referral": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Complaint Reference Number */
                reference: string;
            };
            cookie?: never;
        };
        /** @description Record that the customer took the complaint to the ADR scheme. */
        requestBody: {
            content: {
                "application/json": {
                    schemeCaseReference: string;
                    /**
                     * Format: date
                     * @example 2026-11-30
                     */
                    referredOn: string;
                    caseFeePence?: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Complaint"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            507: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "preview-record-referral": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Complaint Reference Number */
                reference: string;
            };
            cookie?: never;
        };
        /** @description Record that the customer took the complaint to the ADR scheme. */
        requestBody: {
            content: {
                "application/json": {
                    schemeCaseReference: string;
                    /**
                     * Format: date
                     * @example 2026-11-30
                     */
                    referredOn: string;
                    caseFeePence?: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerFacingPreview"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            507: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "record-ombudsman-outcome": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Complaint Reference Number */
                reference: string;
            };
            cookie?: never;
        };
        /** @description Record the scheme’s decision, its remedy and whether the customer accepted it. */
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    outcome: "upheld" | "partly-upheld" | "not-upheld" | "settled";
                    /**
                     * Format: date
                     * @example 2026-11-30
                     */
                    decidedOn: string;
                    remedy: {
                        apology: boolean;
                        explanation: boolean;
                        action: string | null;
                        awardPence: number;
                    };
                    customerAccepted: boolean | null;
                    /** @description The decision’s remedies by type; default: read from `remedy` (apology, explanation, action as practical-action, the award as goodwill). Recorded again, they replace the earlier ones */
                    remedies?: {
                        /** @enum {string} */
                        type: "apology" | "explanation" | "practical-action" | "credit-refund" | "goodwill";
                        /** @description Pence, VAT included: required for credit-refund and goodwill, left out for the others */
                        amountPence?: number | null;
                    }[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Complaint"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            507: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "preview-record-ombudsman-outcome": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Complaint Reference Number */
                reference: string;
            };
            cookie?: never;
        };
        /** @description Record the scheme’s decision, its remedy and whether the customer accepted it. */
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    outcome: "upheld" | "partly-upheld" | "not-upheld" | "settled";
                    /**
                     * Format: date
                     * @example 2026-11-30
                     */
                    decidedOn: string;
                    remedy: {
                        apology: boolean;
                        explanation: boolean;
                        action: string | null;
                        awardPence: number;
                    };
                    customerAccepted: boolean | null;
                    /** @description The decision’s remedies by type; default: read from `remedy` (apology, explanation, action as practical-action, the award as goodwill). Recorded again, they replace the earlier ones */
                    remedies?: {
                        /** @enum {string} */
                        type: "apology" | "explanation" | "practical-action" | "credit-refund" | "goodwill";
                        /** @description Pence, VAT included: required for credit-refund and goodwill, left out for the others */
                        amountPence?: number | null;
                    }[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerFacingPreview"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            507: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "record-case-fee": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Complaint Reference Number */
                reference: string;
            };
            cookie?: never;
        };
        /** @description Record the fee the ADR scheme charged for this referral (pence, VAT included). */
        requestBody: {
            content: {
                "application/json": {
                    caseFeePence: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Complaint"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            507: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "preview-record-case-fee": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Complaint Reference Number */
                reference: string;
            };
            cookie?: never;
        };
        /** @description Record the fee the ADR scheme charged for this referral (pence, VAT included). */
        requestBody: {
            content: {
                "application/json": {
                    caseFeePence: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerFacingPreview"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            507: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    withdraw: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Complaint Reference Number */
                reference: string;
            };
            cookie?: never;
        };
        /** @description The customer withdrew the complaint (the reason stands as the lesson when none is given). */
        requestBody: {
            content: {
                "application/json": {
                    reason: string;
                    /** @description A code of the procedure’s root-cause tree (GET /procedure, `rootCauses`). Required when staff close a complaint whose highest stage reached is in the procedure’s `rootCauseRequiredAt` (default: attempt 2 and after); refused with `root-cause-required` when missing there */
                    rootCause?: string;
                    /** @description What the provider learned */
                    lessons?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Complaint"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            507: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "preview-withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Complaint Reference Number */
                reference: string;
            };
            cookie?: never;
        };
        /** @description The customer withdrew the complaint (the reason stands as the lesson when none is given). */
        requestBody: {
            content: {
                "application/json": {
                    reason: string;
                    /** @description A code of the procedure’s root-cause tree (GET /procedure, `rootCauses`). Required when staff close a complaint whose highest stage reached is in the procedure’s `rootCauseRequiredAt` (default: attempt 2 and after); refused with `root-cause-required` when missing there */
                    rootCause?: string;
                    /** @description What the provider learned */
                    lessons?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerFacingPreview"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            507: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    close: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Complaint Reference Number */
                reference: string;
            };
            cookie?: never;
        };
        /** @description Close a complaint at deadlock: decision implemented (this records the remedy as implemented), decision not accepted, or ADR window expired. */
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    reason: "ombudsman-decision-implemented" | "ombudsman-decision-not-accepted" | "adr-window-expired";
                    /** @description A code of the procedure’s root-cause tree (GET /procedure, `rootCauses`). Required when staff close a complaint whose highest stage reached is in the procedure’s `rootCauseRequiredAt` (default: attempt 2 and after); refused with `root-cause-required` when missing there */
                    rootCause?: string;
                    /** @description What the provider learned */
                    lessons?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Complaint"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            507: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "preview-close": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Complaint Reference Number */
                reference: string;
            };
            cookie?: never;
        };
        /** @description Close a complaint at deadlock: decision implemented (this records the remedy as implemented), decision not accepted, or ADR window expired. */
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    reason: "ombudsman-decision-implemented" | "ombudsman-decision-not-accepted" | "adr-window-expired";
                    /** @description A code of the procedure’s root-cause tree (GET /procedure, `rootCauses`). Required when staff close a complaint whose highest stage reached is in the procedure’s `rootCauseRequiredAt` (default: attempt 2 and after); refused with `root-cause-required` when missing there */
                    rootCause?: string;
                    /** @description What the provider learned */
                    lessons?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerFacingPreview"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            507: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "record-root-cause": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Complaint Reference Number */
                reference: string;
            };
            cookie?: never;
        };
        /** @description Record or correct the root cause of a closed complaint: one the customer closed (“yes, it is sorted”) or the clock closed; lessons left out keep those recorded. */
        requestBody: {
            content: {
                "application/json": {
                    /** @description A code of the procedure’s root-cause tree (GET /procedure, `rootCauses`), a parent’s or a child’s: what caused the complaint, for the improvement review */
                    rootCause: string;
                    /** @description What the provider learned */
                    lessons?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Complaint"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            507: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "preview-record-root-cause": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Complaint Reference Number */
                reference: string;
            };
            cookie?: never;
        };
        /** @description Record or correct the root cause of a closed complaint: one the customer closed (“yes, it is sorted”) or the clock closed; lessons left out keep those recorded. */
        requestBody: {
            content: {
                "application/json": {
                    /** @description A code of the procedure’s root-cause tree (GET /procedure, `rootCauses`), a parent’s or a child’s: what caused the complaint, for the improvement review */
                    rootCause: string;
                    /** @description What the provider learned */
                    lessons?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerFacingPreview"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            507: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    assign: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Complaint Reference Number */
                reference: string;
            };
            cookie?: never;
        };
        /** @description Give the complaint to a member of staff who may work at its stage (null: back to the stage’s queue). */
        requestBody: {
            content: {
                "application/json": {
                    ownerId: string | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Complaint"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            507: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "preview-assign": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Complaint Reference Number */
                reference: string;
            };
            cookie?: never;
        };
        /** @description Give the complaint to a member of staff who may work at its stage (null: back to the stage’s queue). */
        requestBody: {
            content: {
                "application/json": {
                    ownerId: string | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerFacingPreview"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            507: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    take: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Complaint Reference Number */
                reference: string;
            };
            cookie?: never;
        };
        /** @description Take an unassigned complaint for yourself; open to staff with a role of the complaint’s stage. */
        requestBody: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Complaint"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            507: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "preview-take": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Complaint Reference Number */
                reference: string;
            };
            cookie?: never;
        };
        /** @description Take an unassigned complaint for yourself; open to staff with a role of the complaint’s stage. */
        requestBody: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerFacingPreview"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            507: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "log-contact": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Complaint Reference Number */
                reference: string;
            };
            cookie?: never;
        };
        /** @description Log a contact with the customer: phone, email, letter, web, textphone or in person; in or out. The customer sees its summary in the portal only when visibleToCustomer is true. */
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    channel: "phone" | "email" | "web" | "letter" | "textphone" | "in-person";
                    /** @enum {string} */
                    direction: "in" | "out";
                    summary: string;
                    /**
                     * Format: date-time
                     * @example 2026-11-28T10:15:00Z
                     */
                    occurredAt?: string;
                    /** @description Show the summary to the customer in the portal (default false: staff only) */
                    visibleToCustomer?: boolean;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Complaint"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            507: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "preview-log-contact": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Complaint Reference Number */
                reference: string;
            };
            cookie?: never;
        };
        /** @description Log a contact with the customer: phone, email, letter, web, textphone or in person; in or out. The customer sees its summary in the portal only when visibleToCustomer is true. */
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    channel: "phone" | "email" | "web" | "letter" | "textphone" | "in-person";
                    /** @enum {string} */
                    direction: "in" | "out";
                    summary: string;
                    /**
                     * Format: date-time
                     * @example 2026-11-28T10:15:00Z
                     */
                    occurredAt?: string;
                    /** @description Show the summary to the customer in the portal (default false: staff only) */
                    visibleToCustomer?: boolean;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerFacingPreview"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            507: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "add-note": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Complaint Reference Number */
                reference: string;
            };
            cookie?: never;
        };
        /** @description Add an internal note (never shown to the customer). */
        requestBody: {
            content: {
                "application/json": {
                    text: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Complaint"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            507: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "preview-add-note": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Complaint Reference Number */
                reference: string;
            };
            cookie?: never;
        };
        /** @description Add an internal note (never shown to the customer). */
        requestBody: {
            content: {
                "application/json": {
                    text: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerFacingPreview"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            507: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "preview-reply": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Complaint Reference Number */
                reference: string;
            };
            cookie?: never;
        };
        /** @description Write to the customer: an email threaded with the complaint’s mail (its letter attached), or a letter queued for print when the customer takes post or has no email address. */
        requestBody: {
            content: {
                "application/json": {
                    /** @description The subject; the CRN is put in front of it */
                    subject: string;
                    /** @description The message, without greeting or sign-off: Redress adds “Dear {name},” and signs it with your name and role */
                    body: string;
                    /** @description Files to send with it (a corrected bill, a statement): attached to the email, or named as enclosed in the letter for post; the same types and limits as the customer’s own files, and a refused file (`attachments.0`) stores nothing */
                    attachments?: components["schemas"]["UploadInputInput"][];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerFacingPreview"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            507: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
}
