// Generated from openapi.json by openapi-typescript (`npm run openapi`); do not edit.
export interface paths {
    "/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller
         * @description Managers and contacts; a contact gets only what they may see.
         */
        get: operations["me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/properties": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Properties (a contact: those they currently relate to)
         * @description A contact gets only the properties they currently relate to (a relation whose `to` lies in the past gives none).
         *
         *     Managers and contacts; a contact gets only what they may see.
         */
        get: operations["listProperties"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/properties/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One property with its addresses
         * @description A contact gets 404 for a property they do not relate to now.
         *
         *     Managers and contacts; a contact gets only what they may see.
         */
        get: operations["getProperty"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/properties/{id}/units": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Units of a property with their current residents
         * @description Managers only: a contact gets 403.
         */
        get: operations["listUnits"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/units/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One unit with its current residents
         * @description Managers only: a contact gets 403.
         */
        get: operations["getUnit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/properties/{id}/groups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Groups of a property
         * @description Managers only: a contact gets 403.
         */
        get: operations["listGroups"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/recipients": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Share options inside a scope, filtered by label
         * @description The role-wide options first ("Alle Mieter", "Alle Eigentümer", "Alle Mieter und Eigentümer" of the scope), then addresses, units, groups and contacts. `q` filters all of them by label, case- and accent-insensitively. An unknown scope id is 422 `validation_failed`.
         *
         *     Managers only: a contact gets 403.
         */
        get: operations["searchRecipients"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/recipients/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Who a share list reaches today
         * @description Resolved through the relations active today (Europe/Berlin). At most 100 contacts are listed; `count` is exact. Unknown ids in the body are 422 `validation_failed` naming the field.
         *
         *     Managers only: a contact gets 403.
         */
        post: operations["resolveRecipients"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/document-types": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The type tree, flat in depth-first order, with counts
         * @description Flat, in depth-first tree order: a parent before its children, siblings by `position`. The counts cover only documents in `scope` that the caller may see.
         *
         *     Managers and contacts; a contact gets only what they may see.
         */
        get: operations["listDocumentTypes"];
        put?: never;
        /**
         * Create a type
         * @description Sibling names are unique, case-insensitively (409 `conflict`); an unknown `parentId` is 422; a type deeper than level 5 is 422 `too_deep`.
         *
         *     Managers only: a contact gets 403.
         */
        post: operations["createDocumentType"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/document-types/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete an empty type
         * @description 409 `conflict` while the type holds documents or subtypes.
         *
         *     Managers only: a contact gets 403.
         */
        delete: operations["deleteDocumentType"];
        options?: never;
        head?: never;
        /**
         * Rename, move or reorder a type
         * @description Moving a type under itself or a descendant is 422 `cycle`.
         *
         *     Managers only: a contact gets 403.
         */
        patch: operations["updateDocumentType"];
        trace?: never;
    };
    "/uploads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Open a resumable upload session; checks the document-to-be when given
         * @description Refuses by name, declared type and size already here (413 `file_too_large`, 415 `unsupported_file_type`). `mimeType` may be `""`; `image/jpg` counts as `image/jpeg`. `chunkSize` is a hint; PATCH bodies up to 64 MiB are accepted.
         *
         *     Managers only: a contact gets 403.
         */
        post: operations["createUpload"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/uploads/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * How far the server got
         * @description How far the server got, to resume after a broken connection. An expired session is gone: 404.
         *
         *     Managers only: a contact gets 403.
         */
        get: operations["getUpload"];
        put?: never;
        post?: never;
        /**
         * Abort an upload and drop its bytes
         * @description Drops the session and its bytes; 409 `conflict` once it has been committed.
         *
         *     Managers only: a contact gets 403.
         */
        delete: operations["deleteUpload"];
        options?: never;
        head?: never;
        /**
         * Append bytes at `Upload-Offset`
         * @description The body is the next bytes of the file, sent as `application/offset+octet-stream`. A wrong `Upload-Offset` is 409 `offset_mismatch` with the server's `offset` in the problem body, and nothing is written; bytes past `size` are 422, nothing written.
         *
         *     Managers only: a contact gets 403.
         */
        patch: operations["appendUpload"];
        trace?: never;
    };
    "/documents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One page of documents (a contact: only what they may see)
         * @description A contact gets only what they may see now, without `shares`, `recipientCount` and `downloadCount`; a scope they have no relation to gives an empty list. A property scope includes the documents of its units. Cursors are opaque and stable under concurrent inserts; ties are broken by `id`.
         *
         *     Managers and contacts; a contact gets only what they may see.
         */
        get: operations["listDocuments"];
        put?: never;
        /**
         * Commit a complete upload as a document (honours Idempotency-Key)
         * @description Requires a complete upload (409 `upload_incomplete`); an upload commits once (409 `conflict`). The server sniffs the content (PDF, PNG, JPEG, DOC as OLE2 with a `WordDocument` stream, DOCX as ZIP with `[Content_Types].xml` and `word/`); a mismatch with the name or declared type is 415 and nothing is stored. Unknown ids in the body (`uploadId`, `documentTypeId`, share targets) are 422 `validation_failed` naming the field; a target outside the scope is 422 `target_out_of_scope`.
         *
         *     Managers only: a contact gets 403.
         */
        post: operations["createDocument"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/documents/upload": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Upload a small file and commit it as a document in one request (honours Idempotency-Key)
         * @description The single-request path for everyday files: the same checks, content sniffing and answer as `POST /uploads` + `PATCH` + `POST /documents`, in one round trip. The body is `multipart/form-data` with a JSON `metadata` part (the commit's fields without `uploadId`) and a `file` part (its `filename` and `Content-Type` count as the name and declared type). A file larger than the server's `Upload-Limit` (4 MiB when the server sends none) is 413 `file_too_large`, answered from `Content-Length` before the body is read; use the resumable path for it. An empty file is 422. With `Idempotency-Key`, a retry (same key, metadata and bytes) answers the first document again and never makes a second; the same key with other metadata or bytes is 409 `conflict`.
         *
         *     Managers only: a contact gets 403.
         */
        post: operations["uploadDocument"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/documents/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One document; ETag is its version
         * @description A document the caller may not see is 404, exactly like an unknown one.
         *
         *     Managers and contacts; a contact gets only what they may see.
         */
        get: operations["getDocument"];
        put?: never;
        post?: never;
        /**
         * Delete a document
         * @description Managers only: a contact gets 403.
         */
        delete: operations["deleteDocument"];
        options?: never;
        head?: never;
        /**
         * Change title, type or shares (shares replace the list); honours If-Match
         * @description `shares` replaces the whole list. Each change raises `version`; send the last `ETag` as `If-Match` to refuse lost updates (412).
         *
         *     Managers only: a contact gets 403.
         */
        patch: operations["updateDocument"];
        trace?: never;
    };
    "/documents/{id}/content": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The file bytes (a contact's download is counted)
         * @description `Content-Type` is the type the server sniffed when the document was committed. A contact's complete download counts once; a manager's does not.
         *
         *     Managers and contacts; a contact gets only what they may see.
         */
        get: operations["getDocumentContent"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/documents/{id}/downloads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download counts per contact
         * @description Managers only: a contact gets 403.
         */
        get: operations["getDocumentDownloads"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/notifications/digests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The digests that go out on a date
         * @description For each contact, the documents shared with them during the day before `date` (Europe/Berlin) and still visible now, each at most once per contact, ever. Contacts with nothing are not listed.
         *
         *     Managers only: a contact gets 403.
         */
        get: operations["listDigests"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/notifications/digests/{date}/{contactId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One rendered digest e-mail
         * @description In the contact's locale; 404 when that contact gets nothing that day.
         *
         *     Managers only: a contact gets 403.
         */
        get: operations["getDigestEmail"];
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
        /** @description One building of a property. */
        Address: {
            id: components["schemas"]["Id"];
            propertyId: components["schemas"]["Id"];
            label: string;
        };
        /** @description Every current tenant and/or owner at an address. */
        AddressShareTarget: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            kind: "address";
            addressId: components["schemas"]["Id"];
            roles: components["schemas"]["Roles"];
        };
        /** @description Every current tenant and/or owner at an address. */
        AddressShareTargetInput: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            kind: "address";
            addressId: components["schemas"]["Id"];
            roles: components["schemas"]["Roles"];
        };
        /** @description One person, whatever their tenancy. */
        ContactShareTarget: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            kind: "contact";
            contactId: components["schemas"]["Id"];
        };
        /** @description One person, whatever their tenancy. */
        ContactShareTargetInput: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            kind: "contact";
            contactId: components["schemas"]["Id"];
        };
        /** @description Commits a complete upload as a document. */
        CreateDocument: {
            uploadId: components["schemas"]["Id"];
            title: components["schemas"]["Title"];
            documentTypeId: components["schemas"]["Id"];
            scope: components["schemas"]["ScopeInput"];
            shares: components["schemas"]["ShareTargetsInput"];
        };
        /** @description A new type; without `position` it goes last among its siblings. */
        CreateDocumentType: {
            name: components["schemas"]["TypeName"];
            parentId?: components["schemas"]["Id"] | null;
            position?: number;
        };
        /** @description The file an upload session is opened for. */
        CreateUpload: {
            fileName: string;
            size: number;
            mimeType: string;
            title?: components["schemas"]["Title"];
            documentTypeId?: components["schemas"]["Id"];
            scope?: components["schemas"]["ScopeInput"];
            shares?: components["schemas"]["ShareTargetsInput"];
        };
        /** Format: date */
        DateString: string;
        /** @description The documents one contact is told about. */
        Digest: {
            contact: {
                id: components["schemas"]["Id"];
                name: string;
                email: string;
                locale: components["schemas"]["Locale"];
            };
            documents: components["schemas"]["DigestDocument"][];
        };
        /** @description What goes out on `date`: one digest per contact with something new. */
        DigestDay: {
            date: components["schemas"]["DateString"];
            digests: components["schemas"]["Digest"][];
        };
        /** @description One document of a digest. */
        DigestDocument: {
            id: components["schemas"]["Id"];
            title: string;
            documentTypeName: string;
            propertyName: string;
        };
        /** @description A rendered digest e-mail. */
        DigestEmail: {
            subject: string;
            text: string;
            html: string;
        };
        /** @description A shared file. `shares`, `recipientCount` and `downloadCount` are present for managers only. `version` is raised by every change and sent as `ETag: "<version>"`. */
        Document: {
            id: components["schemas"]["Id"];
            title: string;
            fileName: string;
            mimeType: string;
            size: number;
            sha256: string;
            documentTypeId: components["schemas"]["Id"];
            scope: components["schemas"]["Scope"];
            shares?: components["schemas"]["ShareTargets"];
            createdAt: components["schemas"]["Timestamp"];
            updatedAt: components["schemas"]["Timestamp"];
            version: number;
            recipientCount?: number;
            downloadCount?: number;
        };
        DocumentMetadata: {
            title: components["schemas"]["Title"];
            documentTypeId: components["schemas"]["Id"];
            scope: components["schemas"]["ScopeInput"];
            shares: components["schemas"]["ShareTargetsInput"];
        };
        /** @description One page of documents; `nextCursor` is null on the last page. */
        DocumentPage: {
            items: components["schemas"]["Document"][];
            nextCursor: string | null;
        };
        /** @description A folder documents are filed in. */
        DocumentType: {
            id: components["schemas"]["Id"];
            name: string;
            parentId: components["schemas"]["Id"] | null;
            position: number;
            documentCount: number;
            subtreeCount: number;
        };
        DocumentTypeList: {
            items: components["schemas"]["DocumentType"][];
        };
        /** @description Download counts of a document: each complete download by a contact counts once. */
        DownloadStats: {
            total: number;
            byContact: {
                contactId: components["schemas"]["Id"];
                name: string;
                count: number;
                lastAt: components["schemas"]["Timestamp"];
            }[];
        };
        /** @description One field-level complaint of a 422 answer. */
        FieldError: {
            path: string;
            message: string;
        };
        /** @description A group of contacts of a property, e.g. "Verwaltungsbeirat". */
        Group: {
            id: components["schemas"]["Id"];
            propertyId: components["schemas"]["Id"];
            name: string;
            memberIds: components["schemas"]["Id"][];
        };
        GroupList: {
            items: components["schemas"]["Group"][];
        };
        /** @description The members of a group, whatever their tenancy. */
        GroupShareTarget: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            kind: "group";
            groupId: components["schemas"]["Id"];
        };
        /** @description The members of a group, whatever their tenancy. */
        GroupShareTargetInput: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            kind: "group";
            groupId: components["schemas"]["Id"];
        };
        Id: string;
        /** @enum {string} */
        Locale: "de" | "en";
        /** @description The caller, as the token identifies them. */
        Me: {
            /** @enum {string} */
            kind: "manager" | "contact";
            id: components["schemas"]["Id"];
            name: string;
            locale: components["schemas"]["Locale"];
        };
        /** @description An RFC 9457 problem document, as every error answer carries it. Extension members may be added; `offset` is the server's offset on `offset_mismatch`. */
        Problem: {
            type: string;
            title: string;
            status: number;
            code: string;
            detail?: string;
            errors?: components["schemas"]["FieldError"][];
            offset?: number;
        };
        /** @description A property (Liegenschaft) with its addresses. */
        Property: {
            id: components["schemas"]["Id"];
            name: string;
            addresses: components["schemas"]["Address"][];
            unitCount?: number;
        };
        PropertyList: {
            items: components["schemas"]["Property"][];
        };
        /** @description Every current tenant and/or owner of a property. */
        PropertyShareTarget: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            kind: "property";
            propertyId: components["schemas"]["Id"];
            roles: components["schemas"]["Roles"];
        };
        /** @description Every current tenant and/or owner of a property. */
        PropertyShareTargetInput: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            kind: "property";
            propertyId: components["schemas"]["Id"];
            roles: components["schemas"]["Roles"];
        };
        /** @description One choice of the share picker. */
        RecipientOption: {
            target: components["schemas"]["ShareTarget"];
            label: string;
            description: string;
            recipientCount: number;
        };
        /** @description Share options in the picker's order. */
        RecipientOptionList: {
            items: components["schemas"]["RecipientOption"][];
        };
        /** @description A current tenant or owner of a unit. */
        Resident: {
            contactId: components["schemas"]["Id"];
            name: string;
            role: components["schemas"]["Role"];
        };
        /** @description A contact a share list reaches, with their roles in the scope. */
        ResolvedContact: {
            id: components["schemas"]["Id"];
            name: string;
            roles: components["schemas"]["Role"][];
        };
        /** @description A share list to resolve within a scope. */
        ResolveRequest: {
            scope: components["schemas"]["ScopeInput"];
            targets: components["schemas"]["ShareTargetsInput"];
        };
        /** @description Who a share list reaches today. */
        ResolveResult: {
            count: number;
            contacts: components["schemas"]["ResolvedContact"][];
            truncated: boolean;
        };
        /** @enum {string} */
        Role: "tenant" | "owner";
        Roles: components["schemas"]["Role"][];
        /** @description Where a document lives: a whole property or one unit. */
        Scope: {
            kind: components["schemas"]["ScopeKind"];
            id: components["schemas"]["Id"];
        };
        /** @description Where a document lives: a whole property or one unit. */
        ScopeInput: {
            kind: components["schemas"]["ScopeKind"];
            id: components["schemas"]["Id"];
        };
        /** @enum {string} */
        ScopeKind: "property" | "unit";
        /** @description One entry of a share list; the people it reaches are resolved at the time of each request. */
        ShareTarget: components["schemas"]["PropertyShareTarget"] | components["schemas"]["AddressShareTarget"] | components["schemas"]["UnitShareTarget"] | components["schemas"]["GroupShareTarget"] | components["schemas"]["ContactShareTarget"];
        /** @description One entry of a share list; the people it reaches are resolved at the time of each request. */
        ShareTargetInput: components["schemas"]["PropertyShareTargetInput"] | components["schemas"]["AddressShareTargetInput"] | components["schemas"]["UnitShareTargetInput"] | components["schemas"]["GroupShareTargetInput"] | components["schemas"]["ContactShareTargetInput"];
        ShareTargets: components["schemas"]["ShareTarget"][];
        ShareTargetsInput: components["schemas"]["ShareTargetInput"][];
        /** Format: date-time */
        Timestamp: string;
        Title: string;
        TypeName: string;
        /** @description A unit (Einheit) with its current residents. */
        Unit: {
            id: components["schemas"]["Id"];
            propertyId: components["schemas"]["Id"];
            addressId: components["schemas"]["Id"];
            name: string;
            residents: components["schemas"]["Resident"][];
        };
        UnitList: {
            items: components["schemas"]["Unit"][];
        };
        /** @description Every current tenant and/or owner of a unit. */
        UnitShareTarget: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            kind: "unit";
            unitId: components["schemas"]["Id"];
            roles: components["schemas"]["Roles"];
        };
        /** @description Every current tenant and/or owner of a unit. */
        UnitShareTargetInput: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            kind: "unit";
            unitId: components["schemas"]["Id"];
            roles: components["schemas"]["Roles"];
        };
        /** @description The fields to change; `shares` replaces the whole list. */
        UpdateDocument: {
            title?: components["schemas"]["Title"];
            documentTypeId?: components["schemas"]["Id"];
            shares?: components["schemas"]["ShareTargetsInput"];
        };
        /** @description Rename, move (`parentId`) or reorder (`position`). */
        UpdateDocumentType: {
            name?: components["schemas"]["TypeName"];
            parentId?: components["schemas"]["Id"] | null;
            position?: number;
        };
        /** @description A resumable upload session. */
        UploadSession: {
            id: components["schemas"]["Id"];
            offset: number;
            size: number;
            chunkSize: number;
            expiresAt: components["schemas"]["Timestamp"];
        };
        /** @description How far an upload session got. */
        UploadStatus: {
            id: components["schemas"]["Id"];
            offset: number;
            size: number;
            expiresAt: components["schemas"]["Timestamp"];
        };
    };
    responses: never;
    parameters: {
        /** @description The offset the body's first byte goes to: the server's current offset. */
        "Upload-Offset": number;
        /** @description One key per logical write, kept across retries. The same key and body replay the first answer; the same key with another body is 409 `conflict`. Scoped per caller, kept at least 24 hours. */
        "Idempotency-Key": string;
        /** @description The `ETag` last seen, quoted: `"<version>"`. Compared strongly (RFC 9110): an older version, a weak tag (`W/"3"`) or any other value gives 412 `precondition_failed`. */
        "If-Match": string;
    };
    requestBodies: never;
    headers: {
        /** @description `attachment; filename="<ASCII fallback>"; filename*=UTF-8''<encoded>` with the document's `fileName` (RFC 6266, RFC 8187). */
        "Content-Disposition": string;
        /** @description The file size in bytes. */
        "Content-Length": number;
        /** @description The entity tag, quoted: `"<version>"` on a document, `"<sha256>"` on its content. */
        ETag: string;
        /** @description Seconds to wait before trying again. */
        "Retry-After": number;
        /** @description The largest file (bytes) `POST /documents/upload` takes; `0`: use the resumable path for every file. A server may send it on any answer; without it a client assumes 4194304 (4 MiB). */
        "Upload-Limit": number;
        /** @description The upload's offset after this request. */
        "Upload-Offset": number;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Me"];
                };
            };
            /** @description Bad request: `bad_request` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 400;
                        /** @enum {unknown} */
                        code?: "bad_request";
                    };
                };
            };
            /** @description No or unknown bearer token: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 401;
                        /** @enum {unknown} */
                        code?: "unauthorized";
                    };
                };
            };
            /** @description Too many requests; retry after `Retry-After` seconds: `rate_limited` */
            429: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 429;
                        /** @enum {unknown} */
                        code?: "rate_limited";
                    };
                };
            };
            /** @description The server failed: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 500;
                        /** @enum {unknown} */
                        code?: "internal_error";
                    };
                };
            };
            /** @description Unavailable for now; retry after `Retry-After` seconds: `service_unavailable` */
            503: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 503;
                        /** @enum {unknown} */
                        code?: "service_unavailable";
                    };
                };
            };
        };
    };
    listProperties: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PropertyList"];
                };
            };
            /** @description Bad request: `bad_request` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 400;
                        /** @enum {unknown} */
                        code?: "bad_request";
                    };
                };
            };
            /** @description No or unknown bearer token: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 401;
                        /** @enum {unknown} */
                        code?: "unauthorized";
                    };
                };
            };
            /** @description Too many requests; retry after `Retry-After` seconds: `rate_limited` */
            429: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 429;
                        /** @enum {unknown} */
                        code?: "rate_limited";
                    };
                };
            };
            /** @description The server failed: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 500;
                        /** @enum {unknown} */
                        code?: "internal_error";
                    };
                };
            };
            /** @description Unavailable for now; retry after `Retry-After` seconds: `service_unavailable` */
            503: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 503;
                        /** @enum {unknown} */
                        code?: "service_unavailable";
                    };
                };
            };
        };
    };
    getProperty: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The id of the resource. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Property"];
                };
            };
            /** @description Bad request: `bad_request` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 400;
                        /** @enum {unknown} */
                        code?: "bad_request";
                    };
                };
            };
            /** @description No or unknown bearer token: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 401;
                        /** @enum {unknown} */
                        code?: "unauthorized";
                    };
                };
            };
            /** @description Unknown id in the path, or not visible to the caller: `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 404;
                        /** @enum {unknown} */
                        code?: "not_found";
                    };
                };
            };
            /** @description Too many requests; retry after `Retry-After` seconds: `rate_limited` */
            429: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 429;
                        /** @enum {unknown} */
                        code?: "rate_limited";
                    };
                };
            };
            /** @description The server failed: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 500;
                        /** @enum {unknown} */
                        code?: "internal_error";
                    };
                };
            };
            /** @description Unavailable for now; retry after `Retry-After` seconds: `service_unavailable` */
            503: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 503;
                        /** @enum {unknown} */
                        code?: "service_unavailable";
                    };
                };
            };
        };
    };
    listUnits: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The id of the resource. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnitList"];
                };
            };
            /** @description Bad request: `bad_request` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 400;
                        /** @enum {unknown} */
                        code?: "bad_request";
                    };
                };
            };
            /** @description No or unknown bearer token: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 401;
                        /** @enum {unknown} */
                        code?: "unauthorized";
                    };
                };
            };
            /** @description A contact called a manager-only endpoint: `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 403;
                        /** @enum {unknown} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Unknown id in the path, or not visible to the caller: `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 404;
                        /** @enum {unknown} */
                        code?: "not_found";
                    };
                };
            };
            /** @description Too many requests; retry after `Retry-After` seconds: `rate_limited` */
            429: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 429;
                        /** @enum {unknown} */
                        code?: "rate_limited";
                    };
                };
            };
            /** @description The server failed: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 500;
                        /** @enum {unknown} */
                        code?: "internal_error";
                    };
                };
            };
            /** @description Unavailable for now; retry after `Retry-After` seconds: `service_unavailable` */
            503: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 503;
                        /** @enum {unknown} */
                        code?: "service_unavailable";
                    };
                };
            };
        };
    };
    getUnit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The id of the resource. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Unit"];
                };
            };
            /** @description Bad request: `bad_request` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 400;
                        /** @enum {unknown} */
                        code?: "bad_request";
                    };
                };
            };
            /** @description No or unknown bearer token: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 401;
                        /** @enum {unknown} */
                        code?: "unauthorized";
                    };
                };
            };
            /** @description A contact called a manager-only endpoint: `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 403;
                        /** @enum {unknown} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Unknown id in the path, or not visible to the caller: `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 404;
                        /** @enum {unknown} */
                        code?: "not_found";
                    };
                };
            };
            /** @description Too many requests; retry after `Retry-After` seconds: `rate_limited` */
            429: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 429;
                        /** @enum {unknown} */
                        code?: "rate_limited";
                    };
                };
            };
            /** @description The server failed: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 500;
                        /** @enum {unknown} */
                        code?: "internal_error";
                    };
                };
            };
            /** @description Unavailable for now; retry after `Retry-After` seconds: `service_unavailable` */
            503: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 503;
                        /** @enum {unknown} */
                        code?: "service_unavailable";
                    };
                };
            };
        };
    };
    listGroups: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The id of the resource. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GroupList"];
                };
            };
            /** @description Bad request: `bad_request` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 400;
                        /** @enum {unknown} */
                        code?: "bad_request";
                    };
                };
            };
            /** @description No or unknown bearer token: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 401;
                        /** @enum {unknown} */
                        code?: "unauthorized";
                    };
                };
            };
            /** @description A contact called a manager-only endpoint: `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 403;
                        /** @enum {unknown} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Unknown id in the path, or not visible to the caller: `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 404;
                        /** @enum {unknown} */
                        code?: "not_found";
                    };
                };
            };
            /** @description Too many requests; retry after `Retry-After` seconds: `rate_limited` */
            429: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 429;
                        /** @enum {unknown} */
                        code?: "rate_limited";
                    };
                };
            };
            /** @description The server failed: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 500;
                        /** @enum {unknown} */
                        code?: "internal_error";
                    };
                };
            };
            /** @description Unavailable for now; retry after `Retry-After` seconds: `service_unavailable` */
            503: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 503;
                        /** @enum {unknown} */
                        code?: "service_unavailable";
                    };
                };
            };
        };
    };
    searchRecipients: {
        parameters: {
            query: {
                /** @description The scope as `property:<id>` or `unit:<id>`. */
                scope: string;
                /** @description Filters by label, case- and accent-insensitively ("straße" matches "strasse"). */
                q?: string;
                /** @description How many options at most. */
                limit?: number;
                /** @description The language of labels and descriptions. */
                locale?: "de" | "en";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecipientOptionList"];
                };
            };
            /** @description Bad request: `bad_request` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 400;
                        /** @enum {unknown} */
                        code?: "bad_request";
                    };
                };
            };
            /** @description No or unknown bearer token: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 401;
                        /** @enum {unknown} */
                        code?: "unauthorized";
                    };
                };
            };
            /** @description A contact called a manager-only endpoint: `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 403;
                        /** @enum {unknown} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description The request breaks a rule of the contract: `validation_failed` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 422;
                        /** @enum {unknown} */
                        code?: "validation_failed";
                    };
                };
            };
            /** @description Too many requests; retry after `Retry-After` seconds: `rate_limited` */
            429: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 429;
                        /** @enum {unknown} */
                        code?: "rate_limited";
                    };
                };
            };
            /** @description The server failed: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 500;
                        /** @enum {unknown} */
                        code?: "internal_error";
                    };
                };
            };
            /** @description Unavailable for now; retry after `Retry-After` seconds: `service_unavailable` */
            503: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 503;
                        /** @enum {unknown} */
                        code?: "service_unavailable";
                    };
                };
            };
        };
    };
    resolveRecipients: {
        parameters: {
            query?: never;
            header?: {
                /** @description One key per logical write, kept across retries. The same key and body replay the first answer; the same key with another body is 409 `conflict`. Scoped per caller, kept at least 24 hours. */
                "Idempotency-Key"?: components["parameters"]["Idempotency-Key"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResolveRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResolveResult"];
                };
            };
            /** @description Bad request: `bad_request` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 400;
                        /** @enum {unknown} */
                        code?: "bad_request";
                    };
                };
            };
            /** @description No or unknown bearer token: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 401;
                        /** @enum {unknown} */
                        code?: "unauthorized";
                    };
                };
            };
            /** @description A contact called a manager-only endpoint: `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 403;
                        /** @enum {unknown} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Conflict: `conflict` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 409;
                        /** @enum {unknown} */
                        code?: "conflict";
                    };
                };
            };
            /** @description Too large: `body_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 413;
                        /** @enum {unknown} */
                        code?: "body_too_large";
                    };
                };
            };
            /** @description The request breaks a rule of the contract: `validation_failed`, `target_out_of_scope` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 422;
                        /** @enum {unknown} */
                        code?: "validation_failed" | "target_out_of_scope";
                    };
                };
            };
            /** @description Too many requests; retry after `Retry-After` seconds: `rate_limited` */
            429: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 429;
                        /** @enum {unknown} */
                        code?: "rate_limited";
                    };
                };
            };
            /** @description The server failed: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 500;
                        /** @enum {unknown} */
                        code?: "internal_error";
                    };
                };
            };
            /** @description Unavailable for now; retry after `Retry-After` seconds: `service_unavailable` */
            503: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 503;
                        /** @enum {unknown} */
                        code?: "service_unavailable";
                    };
                };
            };
        };
    };
    listDocumentTypes: {
        parameters: {
            query?: {
                /** @description Count only the documents of this scope (`property:<id>` or `unit:<id>`). */
                scope?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DocumentTypeList"];
                };
            };
            /** @description Bad request: `bad_request` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 400;
                        /** @enum {unknown} */
                        code?: "bad_request";
                    };
                };
            };
            /** @description No or unknown bearer token: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 401;
                        /** @enum {unknown} */
                        code?: "unauthorized";
                    };
                };
            };
            /** @description The request breaks a rule of the contract: `validation_failed` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 422;
                        /** @enum {unknown} */
                        code?: "validation_failed";
                    };
                };
            };
            /** @description Too many requests; retry after `Retry-After` seconds: `rate_limited` */
            429: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 429;
                        /** @enum {unknown} */
                        code?: "rate_limited";
                    };
                };
            };
            /** @description The server failed: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 500;
                        /** @enum {unknown} */
                        code?: "internal_error";
                    };
                };
            };
            /** @description Unavailable for now; retry after `Retry-After` seconds: `service_unavailable` */
            503: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 503;
                        /** @enum {unknown} */
                        code?: "service_unavailable";
                    };
                };
            };
        };
    };
    createDocumentType: {
        parameters: {
            query?: never;
            header?: {
                /** @description One key per logical write, kept across retries. The same key and body replay the first answer; the same key with another body is 409 `conflict`. Scoped per caller, kept at least 24 hours. */
                "Idempotency-Key"?: components["parameters"]["Idempotency-Key"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateDocumentType"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DocumentType"];
                };
            };
            /** @description Bad request: `bad_request` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 400;
                        /** @enum {unknown} */
                        code?: "bad_request";
                    };
                };
            };
            /** @description No or unknown bearer token: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 401;
                        /** @enum {unknown} */
                        code?: "unauthorized";
                    };
                };
            };
            /** @description A contact called a manager-only endpoint: `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 403;
                        /** @enum {unknown} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Conflict: `conflict` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 409;
                        /** @enum {unknown} */
                        code?: "conflict";
                    };
                };
            };
            /** @description Too large: `body_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 413;
                        /** @enum {unknown} */
                        code?: "body_too_large";
                    };
                };
            };
            /** @description The request breaks a rule of the contract: `validation_failed`, `too_deep` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 422;
                        /** @enum {unknown} */
                        code?: "validation_failed" | "too_deep";
                    };
                };
            };
            /** @description Too many requests; retry after `Retry-After` seconds: `rate_limited` */
            429: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 429;
                        /** @enum {unknown} */
                        code?: "rate_limited";
                    };
                };
            };
            /** @description The server failed: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 500;
                        /** @enum {unknown} */
                        code?: "internal_error";
                    };
                };
            };
            /** @description Unavailable for now; retry after `Retry-After` seconds: `service_unavailable` */
            503: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 503;
                        /** @enum {unknown} */
                        code?: "service_unavailable";
                    };
                };
            };
        };
    };
    deleteDocumentType: {
        parameters: {
            query?: never;
            header?: {
                /** @description One key per logical write, kept across retries. The same key and body replay the first answer; the same key with another body is 409 `conflict`. Scoped per caller, kept at least 24 hours. */
                "Idempotency-Key"?: components["parameters"]["Idempotency-Key"];
            };
            path: {
                /** @description The id of the resource. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request: `bad_request` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 400;
                        /** @enum {unknown} */
                        code?: "bad_request";
                    };
                };
            };
            /** @description No or unknown bearer token: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 401;
                        /** @enum {unknown} */
                        code?: "unauthorized";
                    };
                };
            };
            /** @description A contact called a manager-only endpoint: `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 403;
                        /** @enum {unknown} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Unknown id in the path, or not visible to the caller: `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 404;
                        /** @enum {unknown} */
                        code?: "not_found";
                    };
                };
            };
            /** @description Conflict: `conflict` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 409;
                        /** @enum {unknown} */
                        code?: "conflict";
                    };
                };
            };
            /** @description The request breaks a rule of the contract: `validation_failed` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 422;
                        /** @enum {unknown} */
                        code?: "validation_failed";
                    };
                };
            };
            /** @description Too many requests; retry after `Retry-After` seconds: `rate_limited` */
            429: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 429;
                        /** @enum {unknown} */
                        code?: "rate_limited";
                    };
                };
            };
            /** @description The server failed: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 500;
                        /** @enum {unknown} */
                        code?: "internal_error";
                    };
                };
            };
            /** @description Unavailable for now; retry after `Retry-After` seconds: `service_unavailable` */
            503: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 503;
                        /** @enum {unknown} */
                        code?: "service_unavailable";
                    };
                };
            };
        };
    };
    updateDocumentType: {
        parameters: {
            query?: never;
            header?: {
                /** @description One key per logical write, kept across retries. The same key and body replay the first answer; the same key with another body is 409 `conflict`. Scoped per caller, kept at least 24 hours. */
                "Idempotency-Key"?: components["parameters"]["Idempotency-Key"];
            };
            path: {
                /** @description The id of the resource. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateDocumentType"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DocumentType"];
                };
            };
            /** @description Bad request: `bad_request` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 400;
                        /** @enum {unknown} */
                        code?: "bad_request";
                    };
                };
            };
            /** @description No or unknown bearer token: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 401;
                        /** @enum {unknown} */
                        code?: "unauthorized";
                    };
                };
            };
            /** @description A contact called a manager-only endpoint: `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 403;
                        /** @enum {unknown} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Unknown id in the path, or not visible to the caller: `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 404;
                        /** @enum {unknown} */
                        code?: "not_found";
                    };
                };
            };
            /** @description Conflict: `conflict` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 409;
                        /** @enum {unknown} */
                        code?: "conflict";
                    };
                };
            };
            /** @description Too large: `body_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 413;
                        /** @enum {unknown} */
                        code?: "body_too_large";
                    };
                };
            };
            /** @description The request breaks a rule of the contract: `validation_failed`, `cycle`, `too_deep` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 422;
                        /** @enum {unknown} */
                        code?: "validation_failed" | "cycle" | "too_deep";
                    };
                };
            };
            /** @description Too many requests; retry after `Retry-After` seconds: `rate_limited` */
            429: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 429;
                        /** @enum {unknown} */
                        code?: "rate_limited";
                    };
                };
            };
            /** @description The server failed: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 500;
                        /** @enum {unknown} */
                        code?: "internal_error";
                    };
                };
            };
            /** @description Unavailable for now; retry after `Retry-After` seconds: `service_unavailable` */
            503: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 503;
                        /** @enum {unknown} */
                        code?: "service_unavailable";
                    };
                };
            };
        };
    };
    createUpload: {
        parameters: {
            query?: never;
            header?: {
                /** @description One key per logical write, kept across retries. The same key and body replay the first answer; the same key with another body is 409 `conflict`. Scoped per caller, kept at least 24 hours. */
                "Idempotency-Key"?: components["parameters"]["Idempotency-Key"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateUpload"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UploadSession"];
                };
            };
            /** @description Bad request: `bad_request` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 400;
                        /** @enum {unknown} */
                        code?: "bad_request";
                    };
                };
            };
            /** @description No or unknown bearer token: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 401;
                        /** @enum {unknown} */
                        code?: "unauthorized";
                    };
                };
            };
            /** @description A contact called a manager-only endpoint: `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 403;
                        /** @enum {unknown} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Conflict: `conflict` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 409;
                        /** @enum {unknown} */
                        code?: "conflict";
                    };
                };
            };
            /** @description Too large: `body_too_large`, `file_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 413;
                        /** @enum {unknown} */
                        code?: "body_too_large" | "file_too_large";
                    };
                };
            };
            /** @description Not a PDF, Word, JPEG or PNG file: `unsupported_file_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 415;
                        /** @enum {unknown} */
                        code?: "unsupported_file_type";
                    };
                };
            };
            /** @description The request breaks a rule of the contract: `validation_failed`, `target_out_of_scope` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 422;
                        /** @enum {unknown} */
                        code?: "validation_failed" | "target_out_of_scope";
                    };
                };
            };
            /** @description Too many requests; retry after `Retry-After` seconds: `rate_limited` */
            429: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 429;
                        /** @enum {unknown} */
                        code?: "rate_limited";
                    };
                };
            };
            /** @description The server failed: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 500;
                        /** @enum {unknown} */
                        code?: "internal_error";
                    };
                };
            };
            /** @description Unavailable for now; retry after `Retry-After` seconds: `service_unavailable` */
            503: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 503;
                        /** @enum {unknown} */
                        code?: "service_unavailable";
                    };
                };
            };
        };
    };
    getUpload: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The id of the resource. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UploadStatus"];
                };
            };
            /** @description Bad request: `bad_request` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 400;
                        /** @enum {unknown} */
                        code?: "bad_request";
                    };
                };
            };
            /** @description No or unknown bearer token: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 401;
                        /** @enum {unknown} */
                        code?: "unauthorized";
                    };
                };
            };
            /** @description A contact called a manager-only endpoint: `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 403;
                        /** @enum {unknown} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Unknown id in the path, or not visible to the caller: `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 404;
                        /** @enum {unknown} */
                        code?: "not_found";
                    };
                };
            };
            /** @description Too many requests; retry after `Retry-After` seconds: `rate_limited` */
            429: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 429;
                        /** @enum {unknown} */
                        code?: "rate_limited";
                    };
                };
            };
            /** @description The server failed: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 500;
                        /** @enum {unknown} */
                        code?: "internal_error";
                    };
                };
            };
            /** @description Unavailable for now; retry after `Retry-After` seconds: `service_unavailable` */
            503: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 503;
                        /** @enum {unknown} */
                        code?: "service_unavailable";
                    };
                };
            };
        };
    };
    deleteUpload: {
        parameters: {
            query?: never;
            header?: {
                /** @description One key per logical write, kept across retries. The same key and body replay the first answer; the same key with another body is 409 `conflict`. Scoped per caller, kept at least 24 hours. */
                "Idempotency-Key"?: components["parameters"]["Idempotency-Key"];
            };
            path: {
                /** @description The id of the resource. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request: `bad_request` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 400;
                        /** @enum {unknown} */
                        code?: "bad_request";
                    };
                };
            };
            /** @description No or unknown bearer token: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 401;
                        /** @enum {unknown} */
                        code?: "unauthorized";
                    };
                };
            };
            /** @description A contact called a manager-only endpoint: `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 403;
                        /** @enum {unknown} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Unknown id in the path, or not visible to the caller: `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 404;
                        /** @enum {unknown} */
                        code?: "not_found";
                    };
                };
            };
            /** @description Conflict: `conflict` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 409;
                        /** @enum {unknown} */
                        code?: "conflict";
                    };
                };
            };
            /** @description The request breaks a rule of the contract: `validation_failed` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 422;
                        /** @enum {unknown} */
                        code?: "validation_failed";
                    };
                };
            };
            /** @description Too many requests; retry after `Retry-After` seconds: `rate_limited` */
            429: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 429;
                        /** @enum {unknown} */
                        code?: "rate_limited";
                    };
                };
            };
            /** @description The server failed: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 500;
                        /** @enum {unknown} */
                        code?: "internal_error";
                    };
                };
            };
            /** @description Unavailable for now; retry after `Retry-After` seconds: `service_unavailable` */
            503: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 503;
                        /** @enum {unknown} */
                        code?: "service_unavailable";
                    };
                };
            };
        };
    };
    appendUpload: {
        parameters: {
            query?: never;
            header: {
                /** @description The offset the body's first byte goes to: the server's current offset. */
                "Upload-Offset": components["parameters"]["Upload-Offset"];
                /** @description One key per logical write, kept across retries. The same key and body replay the first answer; the same key with another body is 409 `conflict`. Scoped per caller, kept at least 24 hours. */
                "Idempotency-Key"?: components["parameters"]["Idempotency-Key"];
            };
            path: {
                /** @description The id of the resource. */
                id: string;
            };
            cookie?: never;
        };
        /** @description The next bytes of the file. */
        requestBody: {
            content: {
                "application/offset+octet-stream": Blob;
            };
        };
        responses: {
            /** @description Written */
            204: {
                headers: {
                    "Upload-Offset": components["headers"]["Upload-Offset"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request: `bad_request` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 400;
                        /** @enum {unknown} */
                        code?: "bad_request";
                    };
                };
            };
            /** @description No or unknown bearer token: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 401;
                        /** @enum {unknown} */
                        code?: "unauthorized";
                    };
                };
            };
            /** @description A contact called a manager-only endpoint: `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 403;
                        /** @enum {unknown} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Unknown id in the path, or not visible to the caller: `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 404;
                        /** @enum {unknown} */
                        code?: "not_found";
                    };
                };
            };
            /** @description Conflict: `conflict`, `offset_mismatch`, `upload_busy` */
            409: {
                headers: {
                    /** @description Seconds to wait before trying again (with `upload_busy`). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 409;
                        /** @enum {unknown} */
                        code?: "conflict" | "offset_mismatch" | "upload_busy";
                    };
                };
            };
            /** @description Too large: `file_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 413;
                        /** @enum {unknown} */
                        code?: "file_too_large";
                    };
                };
            };
            /** @description The request breaks a rule of the contract: `validation_failed` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 422;
                        /** @enum {unknown} */
                        code?: "validation_failed";
                    };
                };
            };
            /** @description Too many requests; retry after `Retry-After` seconds: `rate_limited` */
            429: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 429;
                        /** @enum {unknown} */
                        code?: "rate_limited";
                    };
                };
            };
            /** @description The server failed: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 500;
                        /** @enum {unknown} */
                        code?: "internal_error";
                    };
                };
            };
            /** @description Unavailable for now; retry after `Retry-After` seconds: `service_unavailable` */
            503: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 503;
                        /** @enum {unknown} */
                        code?: "service_unavailable";
                    };
                };
            };
        };
    };
    listDocuments: {
        parameters: {
            query?: {
                /** @description `property:<id>` (with its units' documents) or `unit:<id>`; without it a manager gets every document. */
                scope?: string;
                /** @description Only documents of this type. */
                documentTypeId?: string;
                /** @description With `documentTypeId`: also the documents of its subtypes. */
                includeSubtypes?: boolean;
                /** @description Filters by title, case- and accent-insensitively. */
                q?: string;
                /** @description The order of the items. */
                sort?: "createdAt:desc" | "createdAt:asc" | "title:asc" | "title:desc";
                /** @description Page size. */
                limit?: number;
                /** @description The `nextCursor` of the previous page. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DocumentPage"];
                };
            };
            /** @description Bad request: `bad_request` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 400;
                        /** @enum {unknown} */
                        code?: "bad_request";
                    };
                };
            };
            /** @description No or unknown bearer token: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 401;
                        /** @enum {unknown} */
                        code?: "unauthorized";
                    };
                };
            };
            /** @description The request breaks a rule of the contract: `validation_failed` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 422;
                        /** @enum {unknown} */
                        code?: "validation_failed";
                    };
                };
            };
            /** @description Too many requests; retry after `Retry-After` seconds: `rate_limited` */
            429: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 429;
                        /** @enum {unknown} */
                        code?: "rate_limited";
                    };
                };
            };
            /** @description The server failed: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 500;
                        /** @enum {unknown} */
                        code?: "internal_error";
                    };
                };
            };
            /** @description Unavailable for now; retry after `Retry-After` seconds: `service_unavailable` */
            503: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 503;
                        /** @enum {unknown} */
                        code?: "service_unavailable";
                    };
                };
            };
        };
    };
    createDocument: {
        parameters: {
            query?: never;
            header?: {
                /** @description One key per logical write, kept across retries. The same key and body replay the first answer; the same key with another body is 409 `conflict`. Scoped per caller, kept at least 24 hours. */
                "Idempotency-Key"?: components["parameters"]["Idempotency-Key"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateDocument"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Document"];
                };
            };
            /** @description Bad request: `bad_request` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 400;
                        /** @enum {unknown} */
                        code?: "bad_request";
                    };
                };
            };
            /** @description No or unknown bearer token: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 401;
                        /** @enum {unknown} */
                        code?: "unauthorized";
                    };
                };
            };
            /** @description A contact called a manager-only endpoint: `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 403;
                        /** @enum {unknown} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Conflict: `conflict`, `upload_incomplete` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 409;
                        /** @enum {unknown} */
                        code?: "conflict" | "upload_incomplete";
                    };
                };
            };
            /** @description Too large: `body_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 413;
                        /** @enum {unknown} */
                        code?: "body_too_large";
                    };
                };
            };
            /** @description Not a PDF, Word, JPEG or PNG file: `unsupported_file_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 415;
                        /** @enum {unknown} */
                        code?: "unsupported_file_type";
                    };
                };
            };
            /** @description The request breaks a rule of the contract: `validation_failed`, `target_out_of_scope` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 422;
                        /** @enum {unknown} */
                        code?: "validation_failed" | "target_out_of_scope";
                    };
                };
            };
            /** @description Too many requests; retry after `Retry-After` seconds: `rate_limited` */
            429: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 429;
                        /** @enum {unknown} */
                        code?: "rate_limited";
                    };
                };
            };
            /** @description The server failed: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 500;
                        /** @enum {unknown} */
                        code?: "internal_error";
                    };
                };
            };
            /** @description Unavailable for now; retry after `Retry-After` seconds: `service_unavailable` */
            503: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 503;
                        /** @enum {unknown} */
                        code?: "service_unavailable";
                    };
                };
            };
        };
    };
    uploadDocument: {
        parameters: {
            query?: never;
            header?: {
                /** @description One key per logical write, kept across retries. The same key and body replay the first answer; the same key with another body is 409 `conflict`. Scoped per caller, kept at least 24 hours. */
                "Idempotency-Key"?: components["parameters"]["Idempotency-Key"];
            };
            path?: never;
            cookie?: never;
        };
        /** @description Two parts: `metadata` (JSON) first, then `file`. The file may be as large as the `Upload-Limit` header says (4 MiB when absent). */
        requestBody: {
            content: {
                "multipart/form-data": {
                    metadata: components["schemas"]["DocumentMetadata"];
                    /**
                     * Format: binary
                     * @description The file, with its name in the part's `Content-Disposition` `filename` and its declared type in the part's `Content-Type`.
                     */
                    file: Blob;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    "Upload-Limit": components["headers"]["Upload-Limit"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Document"];
                };
            };
            /** @description Bad request: `bad_request` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 400;
                        /** @enum {unknown} */
                        code?: "bad_request";
                    };
                };
            };
            /** @description No or unknown bearer token: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 401;
                        /** @enum {unknown} */
                        code?: "unauthorized";
                    };
                };
            };
            /** @description A contact called a manager-only endpoint: `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 403;
                        /** @enum {unknown} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Conflict: `conflict` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 409;
                        /** @enum {unknown} */
                        code?: "conflict";
                    };
                };
            };
            /** @description Too large: `body_too_large`, `file_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 413;
                        /** @enum {unknown} */
                        code?: "body_too_large" | "file_too_large";
                    };
                };
            };
            /** @description Not a PDF, Word, JPEG or PNG file: `unsupported_file_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 415;
                        /** @enum {unknown} */
                        code?: "unsupported_file_type";
                    };
                };
            };
            /** @description The request breaks a rule of the contract: `validation_failed`, `target_out_of_scope` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 422;
                        /** @enum {unknown} */
                        code?: "validation_failed" | "target_out_of_scope";
                    };
                };
            };
            /** @description Too many requests; retry after `Retry-After` seconds: `rate_limited` */
            429: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 429;
                        /** @enum {unknown} */
                        code?: "rate_limited";
                    };
                };
            };
            /** @description The server failed: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 500;
                        /** @enum {unknown} */
                        code?: "internal_error";
                    };
                };
            };
            /** @description Unavailable for now; retry after `Retry-After` seconds: `service_unavailable` */
            503: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 503;
                        /** @enum {unknown} */
                        code?: "service_unavailable";
                    };
                };
            };
        };
    };
    getDocument: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The id of the resource. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Document"];
                };
            };
            /** @description Bad request: `bad_request` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 400;
                        /** @enum {unknown} */
                        code?: "bad_request";
                    };
                };
            };
            /** @description No or unknown bearer token: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 401;
                        /** @enum {unknown} */
                        code?: "unauthorized";
                    };
                };
            };
            /** @description Unknown id in the path, or not visible to the caller: `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 404;
                        /** @enum {unknown} */
                        code?: "not_found";
                    };
                };
            };
            /** @description Too many requests; retry after `Retry-After` seconds: `rate_limited` */
            429: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 429;
                        /** @enum {unknown} */
                        code?: "rate_limited";
                    };
                };
            };
            /** @description The server failed: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 500;
                        /** @enum {unknown} */
                        code?: "internal_error";
                    };
                };
            };
            /** @description Unavailable for now; retry after `Retry-After` seconds: `service_unavailable` */
            503: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 503;
                        /** @enum {unknown} */
                        code?: "service_unavailable";
                    };
                };
            };
        };
    };
    deleteDocument: {
        parameters: {
            query?: never;
            header?: {
                /** @description One key per logical write, kept across retries. The same key and body replay the first answer; the same key with another body is 409 `conflict`. Scoped per caller, kept at least 24 hours. */
                "Idempotency-Key"?: components["parameters"]["Idempotency-Key"];
            };
            path: {
                /** @description The id of the resource. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request: `bad_request` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 400;
                        /** @enum {unknown} */
                        code?: "bad_request";
                    };
                };
            };
            /** @description No or unknown bearer token: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 401;
                        /** @enum {unknown} */
                        code?: "unauthorized";
                    };
                };
            };
            /** @description A contact called a manager-only endpoint: `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 403;
                        /** @enum {unknown} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Unknown id in the path, or not visible to the caller: `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 404;
                        /** @enum {unknown} */
                        code?: "not_found";
                    };
                };
            };
            /** @description Conflict: `conflict` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 409;
                        /** @enum {unknown} */
                        code?: "conflict";
                    };
                };
            };
            /** @description The request breaks a rule of the contract: `validation_failed` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 422;
                        /** @enum {unknown} */
                        code?: "validation_failed";
                    };
                };
            };
            /** @description Too many requests; retry after `Retry-After` seconds: `rate_limited` */
            429: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 429;
                        /** @enum {unknown} */
                        code?: "rate_limited";
                    };
                };
            };
            /** @description The server failed: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 500;
                        /** @enum {unknown} */
                        code?: "internal_error";
                    };
                };
            };
            /** @description Unavailable for now; retry after `Retry-After` seconds: `service_unavailable` */
            503: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 503;
                        /** @enum {unknown} */
                        code?: "service_unavailable";
                    };
                };
            };
        };
    };
    updateDocument: {
        parameters: {
            query?: never;
            header?: {
                /** @description The `ETag` last seen, quoted: `"<version>"`. Compared strongly (RFC 9110): an older version, a weak tag (`W/"3"`) or any other value gives 412 `precondition_failed`. */
                "If-Match"?: components["parameters"]["If-Match"];
                /** @description One key per logical write, kept across retries. The same key and body replay the first answer; the same key with another body is 409 `conflict`. Scoped per caller, kept at least 24 hours. */
                "Idempotency-Key"?: components["parameters"]["Idempotency-Key"];
            };
            path: {
                /** @description The id of the resource. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateDocument"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Document"];
                };
            };
            /** @description Bad request: `bad_request` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 400;
                        /** @enum {unknown} */
                        code?: "bad_request";
                    };
                };
            };
            /** @description No or unknown bearer token: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 401;
                        /** @enum {unknown} */
                        code?: "unauthorized";
                    };
                };
            };
            /** @description A contact called a manager-only endpoint: `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 403;
                        /** @enum {unknown} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Unknown id in the path, or not visible to the caller: `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 404;
                        /** @enum {unknown} */
                        code?: "not_found";
                    };
                };
            };
            /** @description Conflict: `conflict` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 409;
                        /** @enum {unknown} */
                        code?: "conflict";
                    };
                };
            };
            /** @description `If-Match` names another version: `precondition_failed` */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 412;
                        /** @enum {unknown} */
                        code?: "precondition_failed";
                    };
                };
            };
            /** @description Too large: `body_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 413;
                        /** @enum {unknown} */
                        code?: "body_too_large";
                    };
                };
            };
            /** @description The request breaks a rule of the contract: `validation_failed`, `target_out_of_scope` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 422;
                        /** @enum {unknown} */
                        code?: "validation_failed" | "target_out_of_scope";
                    };
                };
            };
            /** @description Too many requests; retry after `Retry-After` seconds: `rate_limited` */
            429: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 429;
                        /** @enum {unknown} */
                        code?: "rate_limited";
                    };
                };
            };
            /** @description The server failed: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 500;
                        /** @enum {unknown} */
                        code?: "internal_error";
                    };
                };
            };
            /** @description Unavailable for now; retry after `Retry-After` seconds: `service_unavailable` */
            503: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 503;
                        /** @enum {unknown} */
                        code?: "service_unavailable";
                    };
                };
            };
        };
    };
    getDocumentContent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The id of the resource. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file bytes, with the type sniffed at commit. */
            200: {
                headers: {
                    "Content-Disposition": components["headers"]["Content-Disposition"];
                    "Content-Length": components["headers"]["Content-Length"];
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": Blob;
                    "application/msword": Blob;
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": Blob;
                    "image/jpeg": Blob;
                    "image/png": Blob;
                };
            };
            /** @description Bad request: `bad_request` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 400;
                        /** @enum {unknown} */
                        code?: "bad_request";
                    };
                };
            };
            /** @description No or unknown bearer token: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 401;
                        /** @enum {unknown} */
                        code?: "unauthorized";
                    };
                };
            };
            /** @description Unknown id in the path, or not visible to the caller: `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 404;
                        /** @enum {unknown} */
                        code?: "not_found";
                    };
                };
            };
            /** @description Too many requests; retry after `Retry-After` seconds: `rate_limited` */
            429: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 429;
                        /** @enum {unknown} */
                        code?: "rate_limited";
                    };
                };
            };
            /** @description The server failed: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 500;
                        /** @enum {unknown} */
                        code?: "internal_error";
                    };
                };
            };
            /** @description Unavailable for now; retry after `Retry-After` seconds: `service_unavailable` */
            503: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 503;
                        /** @enum {unknown} */
                        code?: "service_unavailable";
                    };
                };
            };
        };
    };
    getDocumentDownloads: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The id of the resource. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DownloadStats"];
                };
            };
            /** @description Bad request: `bad_request` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 400;
                        /** @enum {unknown} */
                        code?: "bad_request";
                    };
                };
            };
            /** @description No or unknown bearer token: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 401;
                        /** @enum {unknown} */
                        code?: "unauthorized";
                    };
                };
            };
            /** @description A contact called a manager-only endpoint: `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 403;
                        /** @enum {unknown} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Unknown id in the path, or not visible to the caller: `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 404;
                        /** @enum {unknown} */
                        code?: "not_found";
                    };
                };
            };
            /** @description Too many requests; retry after `Retry-After` seconds: `rate_limited` */
            429: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 429;
                        /** @enum {unknown} */
                        code?: "rate_limited";
                    };
                };
            };
            /** @description The server failed: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 500;
                        /** @enum {unknown} */
                        code?: "internal_error";
                    };
                };
            };
            /** @description Unavailable for now; retry after `Retry-After` seconds: `service_unavailable` */
            503: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 503;
                        /** @enum {unknown} */
                        code?: "service_unavailable";
                    };
                };
            };
        };
    };
    listDigests: {
        parameters: {
            query: {
                /** @description The day the digests go out (`YYYY-MM-DD`). */
                date: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DigestDay"];
                };
            };
            /** @description Bad request: `bad_request` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 400;
                        /** @enum {unknown} */
                        code?: "bad_request";
                    };
                };
            };
            /** @description No or unknown bearer token: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 401;
                        /** @enum {unknown} */
                        code?: "unauthorized";
                    };
                };
            };
            /** @description A contact called a manager-only endpoint: `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 403;
                        /** @enum {unknown} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description The request breaks a rule of the contract: `validation_failed` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 422;
                        /** @enum {unknown} */
                        code?: "validation_failed";
                    };
                };
            };
            /** @description Too many requests; retry after `Retry-After` seconds: `rate_limited` */
            429: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 429;
                        /** @enum {unknown} */
                        code?: "rate_limited";
                    };
                };
            };
            /** @description The server failed: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 500;
                        /** @enum {unknown} */
                        code?: "internal_error";
                    };
                };
            };
            /** @description Unavailable for now; retry after `Retry-After` seconds: `service_unavailable` */
            503: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 503;
                        /** @enum {unknown} */
                        code?: "service_unavailable";
                    };
                };
            };
        };
    };
    getDigestEmail: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The day the digest goes out (`YYYY-MM-DD`). */
                date: string;
                /** @description The contact the digest is for. */
                contactId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DigestEmail"];
                };
            };
            /** @description Bad request: `bad_request` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 400;
                        /** @enum {unknown} */
                        code?: "bad_request";
                    };
                };
            };
            /** @description No or unknown bearer token: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 401;
                        /** @enum {unknown} */
                        code?: "unauthorized";
                    };
                };
            };
            /** @description A contact called a manager-only endpoint: `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 403;
                        /** @enum {unknown} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Unknown id in the path, or not visible to the caller: `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 404;
                        /** @enum {unknown} */
                        code?: "not_found";
                    };
                };
            };
            /** @description The request breaks a rule of the contract: `validation_failed` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 422;
                        /** @enum {unknown} */
                        code?: "validation_failed";
                    };
                };
            };
            /** @description Too many requests; retry after `Retry-After` seconds: `rate_limited` */
            429: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 429;
                        /** @enum {unknown} */
                        code?: "rate_limited";
                    };
                };
            };
            /** @description The server failed: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 500;
                        /** @enum {unknown} */
                        code?: "internal_error";
                    };
                };
            };
            /** @description Unavailable for now; retry after `Retry-After` seconds: `service_unavailable` */
            503: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status?: 503;
                        /** @enum {unknown} */
                        code?: "service_unavailable";
                    };
                };
            };
        };
    };
}
