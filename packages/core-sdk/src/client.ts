import { Http, type ClientOptions, type RequestOptions } from './internal/http.js';
import { Documents, DocumentTypes, Notifications, Properties, Recipients, Units } from './resources/index.js';
import { Me } from './schemas/context.js';

/** The typed client of the docportal API. Make one with {@link createClient}. */
export class DocPortalClient {
  readonly properties: Properties;
  readonly units: Units;
  readonly recipients: Recipients;
  readonly documentTypes: DocumentTypes;
  readonly documents: Documents;
  readonly notifications: Notifications;
  private readonly http: Http;

  constructor(options: ClientOptions) {
    const http = (this.http = new Http(options));
    this.properties = new Properties(http);
    this.units = new Units(http);
    this.recipients = new Recipients(http);
    this.documentTypes = new DocumentTypes(http);
    this.documents = new Documents(http);
    this.notifications = new Notifications(http);
  }

  /** The caller, as the token identifies them. */
  me(opts?: RequestOptions): Promise<Me> {
    return this.http.json(Me, { method: 'GET', path: '/me' }, opts);
  }
}

/**
 * Creates a client.
 * @example
 * const client = createClient({ baseUrl: '/api/v1', token: () => portal.getAccessToken() });
 */
export const createClient = (options: ClientOptions): DocPortalClient => new DocPortalClient(options);
