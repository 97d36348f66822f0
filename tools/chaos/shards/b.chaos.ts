import { chaosShard } from '../shard'

chaosShard(1, 2)
