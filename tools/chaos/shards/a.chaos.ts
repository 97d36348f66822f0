import { chaosShard } from '../shard'

chaosShard(0, 2)
