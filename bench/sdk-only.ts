// The baseline of the bundle figures: the Proton client making one call, and nothing of the handler.
import { GetServiceInstanceCommand, GetServiceInstanceCommandInput, ProtonClient } from '@aws-sdk/client-proton';

const client = new ProtonClient({});

export const handler = (input: GetServiceInstanceCommandInput) => client.send(new GetServiceInstanceCommand(input));
