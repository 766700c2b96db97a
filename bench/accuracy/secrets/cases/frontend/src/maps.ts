import { Loader } from "@googlemaps/js-api-loader";

const MAPS_API_KEY = "AIzauB3_Wa-sxN70qhJN59wpTh7TlpDnhWwOO3g";
const MAP_ID = "92c7a3dd5ff2d93c";

export const loader = new Loader({ apiKey: MAPS_API_KEY, version: "weekly", mapIds: [MAP_ID] });
