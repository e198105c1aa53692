import { Http, type ClientOptions, type RequestOptions } from './internal/http.js';
import { Documents, DocumentTypes, Notifications, Properties, Recipients, Units } from './resources/index.js';
import { me } from './routes.js';
import type { Me } from './schemas/context.js';
import type { ResumeStore } from './upload/resume.js';

/** The typed client of the docportal API. Make one with {@link createClient}. */
export class DocPortalClient {
  readonly properties: Properties;
  readonly units: Units;
  readonly recipients: Recipients;
  readonly documentTypes: DocumentTypes;
  readonly documents: Documents;
  readonly notifications: Notifications;
  /** The `resumeStore` option: elements offer its unfinished uploads when it can list them. */
  readonly resumeStore?: ResumeStore;
  private readonly http: Http;

  constructor(options: ClientOptions) {
    const http = (this.http = new Http(options));
    this.resumeStore = options.resumeStore;
    this.properties = new Properties(http);
    this.units = new Units(http);
    this.recipients = new Recipients(http);
    this.documentTypes = new DocumentTypes(http);
    this.documents = new Documents(http);
    this.notifications = new Notifications(http);
  }

  /** The caller, as the token identifies them. */
  me(opts?: RequestOptions): Promise<Me> {
    return this.http.call(me, {}, opts);
  }
}

/**
 * Creates a client.
 * @example
 * const client = createClient({ baseUrl: '/api/v1', token: () => portal.getAccessToken() });
 */
export const createClient = (options: ClientOptions): DocPortalClient => new DocPortalClient(options);
